namespace CustomerAdvocacy.Orleans;

/// <summary>
/// The stable event ids of CustomerAdvocacy.Orleans log messages (range 8001–8099). Messages carry ids, kinds, states
/// and instants only.
/// </summary>
public static class OrleansLogEventIds
{
    /// <summary>An incident grain armed its due-action reminder.</summary>
    public const int ReminderArmed = 8001;

    /// <summary>An incident grain has nothing due and removed its reminder.</summary>
    public const int ReminderCleared = 8002;

    /// <summary>A due-action reminder fired.</summary>
    public const int ReminderFired = 8003;

    /// <summary>A fired due action's command was applied.</summary>
    public const int DueActionApplied = 8004;

    /// <summary>A portfolio grain rebuilt its view from the store.</summary>
    public const int PortfolioRebuilt = 8005;
}
