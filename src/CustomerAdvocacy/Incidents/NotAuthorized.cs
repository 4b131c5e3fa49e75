using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>The actor may not issue the command: its role is not allowed, or it is not who the role requires.</summary>
/// <param name="Role">The role the actor acted in.</param>
/// <param name="Trigger">The trigger asked for.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record NotAuthorized(IncidentRole Role, IncidentTrigger Trigger, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(NotAuthorized);
}
