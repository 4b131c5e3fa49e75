namespace CustomerAdvocacy.Kernel;

/// <summary>
/// The actor may not issue a sub-process's command: its role is not allowed, or it is not who the role requires. The
/// same kind of rejection as the lifecycle's <see cref="Incidents.NotAuthorized"/>, typed by the process's own triggers.
/// </summary>
/// <typeparam name="TTrigger">The process's trigger type; the command's name for a process without triggers.</typeparam>
/// <param name="Role">The role the actor acted in.</param>
/// <param name="Trigger">The trigger asked for.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record NotAuthorized<TTrigger>(IncidentRole Role, TTrigger Trigger, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => "NotAuthorized";
}
