namespace CustomerAdvocacy.Kernel;

/// <summary>Why a command was refused. A rejection is a value: it changes nothing and records no event.</summary>
public abstract record Rejection
{
    private protected Rejection()
    {
    }

    /// <summary>A short, stable name for the kind of rejection (safe to log).</summary>
    public abstract string Kind { get; }
}
