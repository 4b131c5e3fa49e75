namespace CustomerAdvocacy.Kernel;

/// <summary>The outcome of deciding a command: events to record, or a rejection.</summary>
public abstract record Decision
{
    private protected Decision()
    {
    }

    /// <summary>Whether the command was accepted.</summary>
    public abstract bool IsAccepted { get; }
}
