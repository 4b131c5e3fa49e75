namespace CustomerAdvocacy.Diagnostics;

/// <summary>
/// The stable event ids of the library's log messages, for hosts that filter or alert on them. Messages carry ids,
/// roles, triggers, states and rule names only: never customer names, contact details or free text.
/// </summary>
public static class LogEventIds
{
    /// <summary>A command was accepted and its events recorded.</summary>
    public const int CommandAccepted = 1001;

    /// <summary>A command was rejected (a value, not an error).</summary>
    public const int CommandRejected = 1002;

    /// <summary>A command id was seen again; the recorded outcome was returned.</summary>
    public const int DuplicateCommand = 1003;

    /// <summary>Another writer appended first; the command is decided again.</summary>
    public const int ConcurrencyConflict = 1004;

    /// <summary>A command failed with an exception; the incident is unchanged.</summary>
    public const int CommandFailed = 1005;

    /// <summary>An incident was opened for an unrelated recurrence and linked.</summary>
    public const int LinkedIncidentOpened = 1006;

    /// <summary>A handler of the engine's <c>CommandExecuted</c> event threw; the command stays recorded.</summary>
    public const int CommandObserverFailed = 1007;

    /// <summary>
    /// A command named a customer or a policy version the host does not know (<c>UnknownCustomerException</c>,
    /// <c>UnknownPolicyException</c>); nothing was recorded. A warning, not an error: the caller's input was wrong.
    /// </summary>
    public const int CommandContextNotFound = 1008;

    /// <summary>A stored snapshot could not be used (another state shape, or unreadable); the incident was replayed from its events.</summary>
    public const int SnapshotIgnored = 6001;

    /// <summary>A snapshot could not be written after an accepted command; the command stands, the next load replays more events.</summary>
    public const int SnapshotWriteFailed = 6002;

    /// <summary>The incident state's shape cannot be snapshotted; snapshots are neither written nor read.</summary>
    public const int SnapshotsUnsupported = 6003;
}
