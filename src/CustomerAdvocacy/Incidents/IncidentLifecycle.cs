using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using Stateless;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The incident lifecycle: one immutable definition (states, superstates, triggers, transitions), built once and
/// shared. Stateless is the definition's evaluator: the table of permitted triggers and their destinations that the
/// decider and the fold read is what a machine configured from the definition does when fired, computed once.
/// </summary>
/// <remarks>
/// The lifecycle has no guards, so no machine is rented per decision: permission and destination are a table lookup.
/// A trigger allowed in every open state is written once, on a superstate (<see cref="IncidentState.Open"/>,
/// <see cref="IncidentState.Promising"/>, <see cref="IncidentState.Owned"/>), as an internal transition there.
/// </remarks>
internal sealed class IncidentLifecycle
{
    private readonly IncidentState?[,] _destinations;

    private IncidentLifecycle(IReadOnlyList<Transition> transitions, IReadOnlyList<(IncidentState Substate, IncidentState Superstate)> superstates)
    {
        Transitions = transitions;
        Superstates = superstates;
        var superstateSet = new HashSet<IncidentState>(superstates.Select(s => s.Superstate));
        States = Enum.GetValues(typeof(IncidentState)).Cast<IncidentState>().Where(s => !superstateSet.Contains(s)).ToArray();
        var triggers = Enum.GetValues(typeof(IncidentTrigger)).Cast<IncidentTrigger>().Where(t => !t.IsSubProcess()).ToArray();
        _destinations = new IncidentState?[States.Max(s => (int)s) + 1, triggers.Max(t => (int)t) + 1];

        // Fire a machine configured from the definition once per state and trigger: the table holds exactly what Stateless
        // does, superstates and internal transitions included.
        var cursor = new Cursor();
        var machine = Configure(() => cursor.State, s => cursor.State = s);
        foreach (var state in States)
        {
            foreach (var trigger in triggers)
            {
                cursor.State = state;
                if (machine.CanFire(trigger))
                {
                    machine.Fire(trigger);
                    _destinations[(int)state, (int)trigger] = cursor.State;
                }
            }
        }
    }

    /// <summary>The one definition of the incident lifecycle.</summary>
    internal static IncidentLifecycle Definition { get; } = new(BuildTransitions(), BuildSuperstates());

    /// <summary>Every transition as written; an internal one has the same source and destination, and its source may be a superstate.</summary>
    internal IReadOnlyList<Transition> Transitions { get; }

    /// <summary>Which state is a substate of which superstate.</summary>
    internal IReadOnlyList<(IncidentState Substate, IncidentState Superstate)> Superstates { get; }

    /// <summary>The states an incident can be in (every state but the superstates).</summary>
    internal IReadOnlyList<IncidentState> States { get; }

    /// <summary>Whether the definition permits <paramref name="trigger"/> in <paramref name="state"/>, in constant time.</summary>
    internal bool Permits(IncidentState state, IncidentTrigger trigger) => Destination(state, trigger).HasValue;

    /// <summary>
    /// Where <paramref name="trigger"/> takes an incident in <paramref name="state"/>: the state itself for an internal
    /// transition, <see langword="null"/> when the definition does not permit it.
    /// </summary>
    internal IncidentState? Destination(IncidentState state, IncidentTrigger trigger)
    {
        var s = (int)state;
        var t = (int)trigger;
        return s >= 0 && s < _destinations.GetLength(0) && t >= 0 && t < _destinations.GetLength(1) ? _destinations[s, t] : null;
    }

    /// <summary>Configures a Stateless machine over the given state accessors from this definition.</summary>
    internal StateMachine<IncidentState, IncidentTrigger> Configure(Func<IncidentState> read, Action<IncidentState> write)
        => MachineConfiguration.Configure(Transitions.Select(t => (t.From, t.Trigger, t.To)), read, write, Superstates);

    /// <summary>The Mermaid graph of the lifecycle, as Stateless exports it.</summary>
    internal string ToMermaid()
    {
        var cursor = new Cursor();
        return MachineConfiguration.ToMermaid(Configure(() => cursor.State, s => cursor.State = s));
    }

    private static List<(IncidentState, IncidentState)> BuildSuperstates()
    {
        var list = new List<(IncidentState, IncidentState)>
        {
            (IncidentState.Open, IncidentState.Owned),
            (IncidentState.Resolved, IncidentState.Owned),
            (IncidentState.ReturnedToSop, IncidentState.Owned),
            (IncidentState.Opened, IncidentState.Open),
            (IncidentState.Promising, IncidentState.Open),
        };
        list.AddRange(new[]
        {
            IncidentState.Engaged, IncidentState.Analyzing, IncidentState.PlanProposed, IncidentState.PlanApproved,
            IncidentState.Executing, IncidentState.ResolutionProposed,
        }.Select(s => (s, IncidentState.Promising)));
        return list;
    }

    private static List<Transition> BuildTransitions()
    {
        var list = new List<Transition>
        {
            new(IncidentState.NotOpened, IncidentTrigger.Open, IncidentState.Opened),
            new(IncidentState.Opened, IncidentTrigger.CapturePerspective, IncidentState.Engaged),
            new(IncidentState.Engaged, IncidentTrigger.StartAnalysis, IncidentState.Analyzing),
            new(IncidentState.Analyzing, IncidentTrigger.ProposePlan, IncidentState.PlanProposed),
            new(IncidentState.PlanProposed, IncidentTrigger.RejectPlan, IncidentState.Analyzing),
            new(IncidentState.PlanProposed, IncidentTrigger.ApprovePlan, IncidentState.PlanApproved),
            new(IncidentState.PlanApproved, IncidentTrigger.StartExecution, IncidentState.Executing),
            new(IncidentState.Executing, IncidentTrigger.ProposeResolution, IncidentState.ResolutionProposed),
            new(IncidentState.ResolutionProposed, IncidentTrigger.DisputeResolution, IncidentState.Executing),
            new(IncidentState.ResolutionProposed, IncidentTrigger.ClassifyRelatedRecurrence, IncidentState.Executing),
            new(IncidentState.ResolutionProposed, IncidentTrigger.Close, IncidentState.Resolved),
            new(IncidentState.Resolved, IncidentTrigger.ReturnToSop, IncidentState.ReturnedToSop),
            new(IncidentState.ReturnedToSop, IncidentTrigger.CompleteReview, IncidentState.Reviewed),
        };

        void Internal(IncidentState state, params IncidentTrigger[] triggers)
            => list.AddRange(triggers.Select(t => new Transition(state, t, state)));

        Internal(
            IncidentState.Executing,
            IncidentTrigger.RecordCriterionMet, IncidentTrigger.ClassifyRelatedRecurrence, IncidentTrigger.AgreeCriteriaChange,
            IncidentTrigger.RejectCriteriaChange, IncidentTrigger.ClassifyUnrelatedRecurrence);
        Internal(IncidentState.ResolutionProposed, IncidentTrigger.ClassifyUnrelatedRecurrence, IncidentTrigger.ConfirmResolution);
        Internal(
            IncidentState.Promising,
            IncidentTrigger.MakeCommitment, IncidentTrigger.DeliverCommitment, IncidentTrigger.RecordCommitmentMissed,
            IncidentTrigger.OfferCommitment, IncidentTrigger.AcceptCommitmentDue, IncidentTrigger.RejectCommitmentDue);
        Internal(
            IncidentState.Open,
            IncidentTrigger.RecordConversation, IncidentTrigger.SendCustomerUpdate, IncidentTrigger.RecordServiceLevelWarning,
            IncidentTrigger.RecordServiceLevelBreach);
        Internal(IncidentState.Owned, IncidentTrigger.HandOff, IncidentTrigger.AcceptHandoff);
        return list;
    }

    /// <summary>One edge of the lifecycle.</summary>
    internal readonly record struct Transition(IncidentState From, IncidentTrigger Trigger, IncidentState To);

    /// <summary>The small mutable cell a machine configured from the definition reads and writes its state through.</summary>
    internal sealed class Cursor
    {
        internal IncidentState State { get; set; }
    }
}
