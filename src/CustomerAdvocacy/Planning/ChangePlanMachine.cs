using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>Where a change plan is in its execution.</summary>
public enum ChangePlanState
{
    /// <summary>Being written; not yet reviewed with the customer.</summary>
    Draft = 0,

    /// <summary>Reviewed in detail with the customer, so everyone is on the same page.</summary>
    ReviewedWithCustomer = 1,

    /// <summary>A slot is booked inside the customer's change windows, clear of every blackout.</summary>
    Scheduled = 2,

    /// <summary>The change is being made; it can still be backed out.</summary>
    Executing = 3,

    /// <summary>Past the point of no return: backing out is no longer possible.</summary>
    PastPointOfNoReturn = 4,

    /// <summary>The change was backed out and things restored to the way they were.</summary>
    BackedOut = 5,

    /// <summary>The validation steps are being run.</summary>
    Validating = 6,

    /// <summary>The customer confirmed that all is well; the plan is closed.</summary>
    ConfirmedByCustomer = 7,
}

/// <summary>What a change-plan command asks the execution machine to do.</summary>
public enum ChangePlanTrigger
{
    /// <summary>Record the plan's review with the customer.</summary>
    ReviewWithCustomer = 0,

    /// <summary>Book (or rebook) the change's slot.</summary>
    Schedule = 1,

    /// <summary>Start the change.</summary>
    StartExecution = 2,

    /// <summary>Pass the point of no return.</summary>
    PassPointOfNoReturn = 3,

    /// <summary>Back the change out.</summary>
    BackOut = 4,

    /// <summary>Start the validation steps.</summary>
    StartValidation = 5,

    /// <summary>The customer confirms that all is well; this closes the plan.</summary>
    ConfirmAllIsWell = 6,

    /// <summary>The accountable owner offers the plan to a named successor.</summary>
    HandOff = 7,

    /// <summary>The named successor accepts the plan and becomes its accountable owner.</summary>
    AcceptHandoff = 8,

    /// <summary>A provider person leaves the plan (off shift, off call).</summary>
    Leave = 9,
}

/// <summary>
/// The change-plan execution machine: one immutable <see cref="ProcessMachine{TState, TTrigger}"/> definition, shared:
/// the decider asks it what is permitted, the plan's fold where each event leads (a table computed once by firing it).
/// </summary>
internal static class ChangePlanMachine
{
    internal static ProcessMachine<ChangePlanState, ChangePlanTrigger> Definition { get; } = new(BuildTransitions());

    private static List<(ChangePlanState From, ChangePlanTrigger Trigger, ChangePlanState To)> BuildTransitions()
    {
        var list = new List<(ChangePlanState From, ChangePlanTrigger Trigger, ChangePlanState To)>
        {
            (ChangePlanState.Draft, ChangePlanTrigger.ReviewWithCustomer, ChangePlanState.ReviewedWithCustomer),
            (ChangePlanState.ReviewedWithCustomer, ChangePlanTrigger.Schedule, ChangePlanState.Scheduled),
            (ChangePlanState.Scheduled, ChangePlanTrigger.Schedule, ChangePlanState.Scheduled),
            (ChangePlanState.Scheduled, ChangePlanTrigger.StartExecution, ChangePlanState.Executing),
            (ChangePlanState.Executing, ChangePlanTrigger.PassPointOfNoReturn, ChangePlanState.PastPointOfNoReturn),
            (ChangePlanState.Executing, ChangePlanTrigger.BackOut, ChangePlanState.BackedOut),
            (ChangePlanState.PastPointOfNoReturn, ChangePlanTrigger.StartValidation, ChangePlanState.Validating),
            (ChangePlanState.BackedOut, ChangePlanTrigger.StartValidation, ChangePlanState.Validating),
            (ChangePlanState.Validating, ChangePlanTrigger.ConfirmAllIsWell, ChangePlanState.ConfirmedByCustomer),
        };

        // Ownership moves in every open state; leaving is asked everywhere and decided by the handoff rule.
        var open = Enum.GetValues(typeof(ChangePlanState)).Cast<ChangePlanState>()
            .Where(s => s != ChangePlanState.ConfirmedByCustomer).ToArray();
        list.AddRange(open.Select(s => (s, ChangePlanTrigger.HandOff, s)));
        list.AddRange(open.Select(s => (s, ChangePlanTrigger.AcceptHandoff, s)));
        list.AddRange(Enum.GetValues(typeof(ChangePlanState)).Cast<ChangePlanState>().Select(s => (s, ChangePlanTrigger.Leave, s)));
        return list;
    }
}
