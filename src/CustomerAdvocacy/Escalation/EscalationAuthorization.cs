using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Escalation;

/// <summary>Which roles may issue which escalation commands, and the level each provider role acts at.</summary>
public static class EscalationAuthorization
{
    /// <summary>
    /// Whether a role may issue the commands of a trigger: any provider staff or the customer raises; provider staff
    /// acknowledge (at the rung's level or higher), record time-outs and clear triggers; only stakeholders usually
    /// above the power line (the customer's business manager, senior managers, executives) record power-line decisions.
    /// Third parties issue none.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool IsAllowed(IncidentRole role, EscalationTrigger trigger) => trigger switch
    {
        EscalationTrigger.Raise => role != IncidentRole.ThirdParty,
        EscalationTrigger.Acknowledge or EscalationTrigger.TimeOut or EscalationTrigger.Clear => ActsAt(role) is not null,
        EscalationTrigger.RecordDecision => PowerLine.UsualSide(role) == PowerLineSide.Above,
        _ => false,
    };

    /// <summary>
    /// The escalation level a provider role acts at: engineers and the accountable owner at frontline service, service
    /// managers at service management, senior managers at senior management, executives at the top.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <returns>The level, or <see langword="null"/> for customer roles and third parties.</returns>
    public static EscalationLevel? ActsAt(IncidentRole role) => role switch
    {
        IncidentRole.Engineer or IncidentRole.AccountableOwner => EscalationLevel.FrontlineService,
        IncidentRole.ServiceManager => EscalationLevel.ServiceManagement,
        IncidentRole.SeniorManager => EscalationLevel.SeniorManagement,
        IncidentRole.Executive => EscalationLevel.Executive,
        _ => null,
    };

    internal static string Markdown()
    {
        var roles = IncidentRoleExtensions.All;
        var triggers = System.Enum.GetValues(typeof(EscalationTrigger)).Cast<EscalationTrigger>();
        var text = new System.Text.StringBuilder()
            .Append("| Command | ").Append(string.Join(" | ", roles)).Append(" |").Append('\n')
            .Append("|---|").Append(string.Concat(roles.Select(_ => "---|"))).Append('\n');
        foreach (var trigger in triggers)
        {
            text.Append("| ").Append(trigger).Append(" | ")
                .Append(string.Join(" | ", roles.Select(r => IsAllowed(r, trigger) ? "yes" : string.Empty)))
                .Append(" |").Append('\n');
        }

        return text.ToString();
    }
}
