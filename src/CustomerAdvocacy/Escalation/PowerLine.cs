using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Escalation;

/// <summary>Which side of the power line a stakeholder sits on.</summary>
public enum PowerLineSide
{
    /// <summary>Below: the daily contacts who work the incident (the customer's project contact, frontline staff).</summary>
    Below = 0,

    /// <summary>Above: those responsible for the business outcome (the customer's business manager, senior management, executives).</summary>
    Above = 1,
}

/// <summary>A decision that only stakeholders above the power line may settle.</summary>
public enum PowerLineDecisionKind
{
    /// <summary>An exception to a term of the contract (an unreasonable term, a dispute over the contract itself).</summary>
    ContractTermException = 0,

    /// <summary>Ending the relationship with the customer; only a provider executive decides it.</summary>
    EndRelationship = 1,
}

/// <summary>A participant in a decision, marked above or below the power line.</summary>
public sealed record Stakeholder
{
    /// <summary>Creates a stakeholder.</summary>
    /// <param name="id">The host's identifier of the person.</param>
    /// <param name="role">The role the person holds in the incident.</param>
    /// <param name="side">Which side of the power line the person sits on.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public Stakeholder(string id, IncidentRole role, PowerLineSide side)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Role = role;
        Side = side;
    }

    /// <summary>The host's identifier of the person.</summary>
    public string Id { get; }

    /// <summary>The role the person holds in the incident.</summary>
    public IncidentRole Role { get; }

    /// <summary>Which side of the power line the person sits on.</summary>
    public PowerLineSide Side { get; }

    /// <summary>Whether the person sits above the power line.</summary>
    public bool IsAbove => Side == PowerLineSide.Above;

    /// <summary>A stakeholder on the side the role usually sits: see <see cref="PowerLine.UsualSide"/>.</summary>
    /// <param name="id">The person.</param>
    /// <param name="role">The role.</param>
    /// <returns>The stakeholder.</returns>
    public static Stakeholder InUsualSide(string id, IncidentRole role) => new(id, role, PowerLine.UsualSide(role));
}

/// <summary>The power line: who may settle which decisions.</summary>
public static class PowerLine
{
    /// <summary>
    /// The side a role usually sits on: the customer's business manager, senior managers and executives above; the
    /// customer's daily contact, the accountable owner, engineers, service managers and third parties below.
    /// Hosts may mark a particular stakeholder otherwise.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <returns>The usual side.</returns>
    public static PowerLineSide UsualSide(IncidentRole role)
        => role is IncidentRole.CustomerBusinessManager or IncidentRole.SeniorManager or IncidentRole.Executive
            ? PowerLineSide.Above
            : PowerLineSide.Below;

    /// <summary>
    /// What stops the participants from settling a decision: a contract-term exception needs a participant above the
    /// power line; ending the relationship needs a provider executive above it.
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <param name="participants">Who takes part.</param>
    /// <returns>Why they may not settle it, or <see langword="null"/> when they may.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participants"/> is null.</exception>
    public static string? WhyNotSettledBy(PowerLineDecisionKind decision, IEnumerable<Stakeholder> participants)
    {
        var list = Preconditions.CheckNotNull(participants).ToArray();
        return decision switch
        {
            PowerLineDecisionKind.ContractTermException when !list.Any(p => p is { IsAbove: true }) =>
                "A contract-term exception is settled only with a participant above the power line.",
            PowerLineDecisionKind.EndRelationship when !list.Any(p => p is { IsAbove: true, Role: IncidentRole.Executive }) =>
                "Ending the relationship is decided only by a provider executive above the power line.",
            PowerLineDecisionKind.ContractTermException or PowerLineDecisionKind.EndRelationship => null,
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown power-line decision."),
        };
    }
}
