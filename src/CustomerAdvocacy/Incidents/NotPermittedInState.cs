using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>The lifecycle does not permit the command's trigger in the incident's current state.</summary>
/// <param name="State">The incident's state.</param>
/// <param name="Trigger">The trigger asked for.</param>
public sealed record NotPermittedInState(IncidentState State, IncidentTrigger Trigger) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(NotPermittedInState);
}
