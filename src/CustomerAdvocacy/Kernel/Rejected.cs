namespace CustomerAdvocacy.Kernel;

/// <summary>The command was refused.</summary>
/// <param name="Reason">Why.</param>
public sealed record Rejected(Rejection Reason) : Decision
{
    /// <inheritdoc />
    public override bool IsAccepted => false;
}
