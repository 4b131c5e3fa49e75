namespace CustomerAdvocacy.Kernel;

/// <summary>
/// A sub-process's state machine (a change plan's, a communication's, a trial's, a review's) does not permit the
/// command's trigger in the process's current state: the same kind of rejection as the lifecycle's
/// <see cref="Incidents.NotPermittedInState"/>, typed by the process's own states and triggers.
/// </summary>
/// <typeparam name="TState">The process's state type.</typeparam>
/// <typeparam name="TTrigger">The process's trigger type.</typeparam>
/// <param name="State">The process's state.</param>
/// <param name="Trigger">The trigger asked for.</param>
public sealed record NotPermittedInState<TState, TTrigger>(TState State, TTrigger Trigger) : Rejection
{
    /// <inheritdoc />
    public override string Kind => "NotPermittedInState";
}
