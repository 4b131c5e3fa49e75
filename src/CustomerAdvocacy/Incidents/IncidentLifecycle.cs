using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using Stateless;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The incident lifecycle: one immutable definition (which trigger moves which state where), built once and shared.
/// </summary>
/// <remarks>
/// No Stateless machine is kept per incident: a <see cref="SharedMachinePool{TState, TTrigger}"/> of machines configured from this
/// definition over external state accessors serves every incident. Replay never uses the machine.
/// </remarks>
internal sealed class IncidentLifecycle
{
    private static readonly IncidentState[] OpenStates =
    {
        IncidentState.Opened, IncidentState.Engaged, IncidentState.Analyzing, IncidentState.PlanProposed,
        IncidentState.PlanApproved, IncidentState.Executing, IncidentState.ResolutionProposed,
    };

    private readonly IncidentState?[,] _destinations;

    private IncidentLifecycle(IReadOnlyList<Transition> transitions)
    {
        Transitions = transitions;
        _destinations = new IncidentState?[Enum.GetValues(typeof(IncidentState)).Length, Enum.GetValues(typeof(IncidentTrigger)).Length];
        foreach (var t in transitions)
        {
            _destinations[(int)t.From, (int)t.Trigger] = t.To;
        }
    }

    /// <summary>The one definition of the incident lifecycle.</summary>
    internal static IncidentLifecycle Definition { get; } = new(BuildTransitions());

    /// <summary>Every transition; an internal one has the same source and destination.</summary>
    internal IReadOnlyList<Transition> Transitions { get; }

    /// <summary>
    /// Whether the definition permits <paramref name="trigger"/> in <paramref name="state"/>: the same answer a machine
    /// configured from it gives through <c>CanFire</c>, read from the definition's table in constant time.
    /// </summary>
    internal bool Permits(IncidentState state, IncidentTrigger trigger)
    {
        var s = (int)state;
        var t = (int)trigger;
        return s >= 0 && s < _destinations.GetLength(0) && t >= 0 && t < _destinations.GetLength(1) && _destinations[s, t].HasValue;
    }

    /// <summary>Configures a Stateless machine over the given state accessors from this definition.</summary>
    internal StateMachine<IncidentState, IncidentTrigger> Configure(Func<IncidentState> read, Action<IncidentState> write)
        => MachineConfiguration.Configure(Transitions.Select(t => (t.From, t.Trigger, t.To)), read, write);

    /// <summary>A pool of machines configured from this definition that asks <see cref="Permits"/> before renting one.</summary>
    internal SharedMachinePool<IncidentState, IncidentTrigger> CreatePool() => new(Configure, Permits);

    /// <summary>The Mermaid graph of the lifecycle, as Stateless exports it.</summary>
    internal string ToMermaid()
    {
        var cursor = new Cursor();
        return MachineConfiguration.ToMermaid(Configure(() => cursor.State, s => cursor.State = s));
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

        void Internal(IncidentTrigger trigger, params IncidentState[] states)
            => list.AddRange(states.Select(s => new Transition(s, trigger, s)));

        Internal(IncidentTrigger.RecordCriterionMet, IncidentState.Executing);
        Internal(IncidentTrigger.ClassifyRelatedRecurrence, IncidentState.Executing);
        Internal(IncidentTrigger.AgreeCriteriaChange, IncidentState.Executing);
        Internal(IncidentTrigger.RejectCriteriaChange, IncidentState.Executing);
        Internal(IncidentTrigger.ClassifyUnrelatedRecurrence, IncidentState.Executing, IncidentState.ResolutionProposed);
        Internal(IncidentTrigger.ConfirmResolution, IncidentState.ResolutionProposed);
        var promising = OpenStates.Where(s => s != IncidentState.Opened).ToArray();
        Internal(IncidentTrigger.MakeCommitment, promising);
        Internal(IncidentTrigger.DeliverCommitment, promising);
        Internal(IncidentTrigger.RecordCommitmentMissed, promising);
        Internal(IncidentTrigger.OfferCommitment, promising);
        Internal(IncidentTrigger.AcceptCommitmentDue, promising);
        Internal(IncidentTrigger.RejectCommitmentDue, promising);
        Internal(IncidentTrigger.RecordConversation, OpenStates);
        Internal(IncidentTrigger.SendCustomerUpdate, OpenStates);
        Internal(IncidentTrigger.RecordServiceLevelWarning, OpenStates);
        Internal(IncidentTrigger.RecordServiceLevelBreach, OpenStates);
        var owned = OpenStates.Concat(new[] { IncidentState.Resolved, IncidentState.ReturnedToSop }).ToArray();
        Internal(IncidentTrigger.HandOff, owned);
        Internal(IncidentTrigger.AcceptHandoff, owned);
        return list;
    }

    /// <summary>One edge of the lifecycle.</summary>
    internal readonly record struct Transition(IncidentState From, IncidentTrigger Trigger, IncidentState To);

    /// <summary>The small mutable cell a pooled machine reads and writes its state through.</summary>
    internal sealed class Cursor
    {
        internal IncidentState State { get; set; }
    }
}
