namespace CustomerAdvocacy.Kernel;

/// <summary>
/// The outcome of deciding a command of a sub-process (analysis, mitigation trial, change plan, communication,
/// management review): events to record, or a rejection in the engine's vocabulary (<see cref="Rejection"/>). The same
/// shape as the engine's <see cref="Decision"/>, for processes whose events are not incident events.
/// </summary>
/// <typeparam name="TEvent">The process's event type.</typeparam>
internal abstract record ProcessDecision<TEvent>
{
    private protected ProcessDecision()
    {
    }

    /// <summary>Whether the command was accepted (a repeated command id is accepted and records nothing).</summary>
    public abstract bool IsAccepted { get; }
}
