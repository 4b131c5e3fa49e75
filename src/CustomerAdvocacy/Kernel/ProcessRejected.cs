namespace CustomerAdvocacy.Kernel;

/// <summary>The command was refused; nothing is recorded.</summary>
/// <typeparam name="TEvent">The process's event type.</typeparam>
/// <param name="Reason">Why.</param>
internal sealed record ProcessRejected<TEvent>(Rejection Reason) : ProcessDecision<TEvent>
{
    /// <inheritdoc />
    public override bool IsAccepted => false;
}
