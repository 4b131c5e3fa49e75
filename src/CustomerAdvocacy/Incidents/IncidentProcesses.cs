using System.Collections.Generic;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The sub-processes of one incident, folded from the same event stream as its lifecycle: escalation, analysis,
/// mitigation trial, change plans, communications and the management review. Immutable; compares by value, so a
/// replayed incident equals the live one. Each process's version is the incident version of its last event.
/// </summary>
public sealed record IncidentProcesses
{
    /// <summary>No sub-process has started.</summary>
    public static IncidentProcesses None { get; } = new();

    /// <summary>The escalation, once any escalation event was recorded; calm before.</summary>
    public EscalationStatus? Escalation { get; init; }

    /// <summary>The analysis (facts, scenarios, summary, proposal, meetings), once started.</summary>
    public Analysis? Analysis { get; init; }

    /// <summary>The mitigation trial, once offered.</summary>
    public MitigationTrial? MitigationTrial { get; init; }

    /// <summary>The change plans, in the order they were drafted; ids are unique.</summary>
    public IReadOnlyList<ChangePlan> ChangePlans { get; init; } = EquatableList<ChangePlan>.Empty;

    /// <summary>The results meant for the customer, in the order they were drafted; ids are unique.</summary>
    public IReadOnlyList<Communication> Communications { get; init; } = EquatableList<Communication>.Empty;

    /// <summary>The internal management review, once started.</summary>
    public ManagementReview? ManagementReview { get; init; }

    /// <summary>Finds a change plan by id.</summary>
    /// <param name="id">The plan.</param>
    /// <returns>The plan, or <see langword="null"/> when the incident has none with that id.</returns>
    public ChangePlan? FindChangePlan(ChangePlanId id)
    {
        foreach (var plan in ChangePlans)
        {
            if (plan.Id == id)
            {
                return plan;
            }
        }

        return null;
    }

    /// <summary>Finds a communication by id.</summary>
    /// <param name="id">The communication.</param>
    /// <returns>The communication, or <see langword="null"/> when the incident has none with that id.</returns>
    public Communication? FindCommunication(CommunicationId id)
    {
        foreach (var communication in Communications)
        {
            if (communication.Id == id)
            {
                return communication;
            }
        }

        return null;
    }
}
