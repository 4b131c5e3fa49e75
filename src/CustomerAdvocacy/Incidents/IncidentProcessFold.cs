using System;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Folds sub-process events into <see cref="IncidentProcesses"/> by delegating to each process's own evolver, so the
/// incident's replay and each process's standalone replay share one implementation.
/// </summary>
/// <remarks>
/// A process's events are interleaved with the lifecycle's in the incident stream, so their versions have gaps from the
/// process's point of view. Each process evolver checks that an event follows its state's version; the fold first
/// carries the state to the version just before the event (the incident's), which keeps that check meaningful for
/// standalone streams and exact here.
/// </remarks>
internal static class IncidentProcessFold
{
    /// <summary>Applies a sub-process event; <see langword="null"/> when the event is not one.</summary>
    internal static IncidentProcesses? Apply(IncidentProcesses processes, IncidentId id, IncidentEvent @event)
    {
        var before = @event.Version - 1;
        switch (@event)
        {
            case EscalationEvent e:
                return processes with { Escalation = EscalationEvolver.Evolve((processes.Escalation ?? EscalationStatus.Initial(id)) with { Version = before }, e) };

            case AnalysisEvent e:
                return processes with { Analysis = Analysis.Evolve((processes.Analysis ?? Analysis.Start(id)).AtVersion(before), e) };

            case MitigationTrialEvent e:
                return processes with { MitigationTrial = MitigationTrial.Evolve((processes.MitigationTrial ?? MitigationTrial.Start(id)).AtVersion(before), e) };

            case ReviewEvent e:
                return processes with { ManagementReview = ManagementReview.Evolve((processes.ManagementReview ?? ManagementReview.Start(id)).AtVersion(before), e) };

            case ChangePlanDrafted e:
                if (processes.FindChangePlan(e.PlanId) is not null)
                {
                    throw new ArgumentException($"The change plan {e.PlanId} is drafted twice in incident {id}.", nameof(@event));
                }

                return processes with
                {
                    ChangePlans = ((EquatableList<ChangePlan>)processes.ChangePlans).Add(ChangePlan.Start(e.Definition).AtVersion(before).Evolve(e)),
                };

            case ChangePlanEvent e:
                {
                    var plans = (EquatableList<ChangePlan>)processes.ChangePlans;
                    var index = IndexOf(plans, p => p.Id == e.PlanId, e.PlanId.ToString(), id);
                    return processes with { ChangePlans = plans.ReplaceAt(index, plans[index].AtVersion(before).Evolve(e)) };
                }

            case CommunicationDrafted e:
                if (processes.FindCommunication(e.CommunicationId) is not null)
                {
                    throw new ArgumentException($"The communication {e.CommunicationId} is drafted twice in incident {id}.", nameof(@event));
                }

                return processes with
                {
                    Communications = ((EquatableList<Communication>)processes.Communications).Add(Communication.New(e.CommunicationId).AtVersion(before).Evolve(e)),
                };

            case CommunicationEvent e:
                {
                    var communications = (EquatableList<Communication>)processes.Communications;
                    var index = IndexOf(communications, c => c.Id == e.CommunicationId, e.CommunicationId.ToString(), id);
                    return processes with { Communications = communications.ReplaceAt(index, communications[index].AtVersion(before).Evolve(e)) };
                }

            default:
                return null;
        }
    }

    private static int IndexOf<T>(EquatableList<T> items, Func<T, bool> match, string what, IncidentId id)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        throw new ArgumentException($"An event of {what} arrived before it was drafted in incident {id}.", "event");
    }
}
