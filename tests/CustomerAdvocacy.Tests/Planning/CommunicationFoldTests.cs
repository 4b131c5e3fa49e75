using System;
using System.Collections.Generic;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Tests.Incidents;
using FsCheck;
using NodaTime;
using Stateless;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// Every edge of the communication machine, taken through a public command on a real incident: the fold of the
/// recorded event lands where firing a fresh machine lands.
/// </summary>
public sealed class CommunicationFoldTests : SubProcessFoldTests<CommunicationState, CommunicationTrigger, CommunicationScript>
{
    public CommunicationFoldTests(Explored explored)
        : base(explored)
    {
    }

    /// <summary>
    /// A released result is never pulled back and a withdrawn one never reaches the customer afterwards, and every
    /// accepted command's fold lands where firing does.
    /// </summary>
    [ConfiguredProperty]
    public Property RandomCommands_FoldAgreesWithFire_ReleasedOrWithdrawnStays()
        => Exploration.WalkProperty();
}

/// <summary>Which public command fires each communication trigger: an engineer produces, a service manager releases.</summary>
public sealed class CommunicationScript : SubProcessScript<CommunicationState, CommunicationTrigger>
{
    private static readonly CommunicationId Audit = new(new Guid("0f01d000-0000-4000-8000-0000000000c1"));

    public CommunicationScript()
        : base(new IncidentId(new Guid("0f01d000-0000-4000-8000-000000000003")))
    {
    }

    internal override string Machine => "communication";

    internal override Type CommandBase => typeof(CommunicationCommand);

    internal override StateMachine<CommunicationState, CommunicationTrigger> Configure(Func<CommunicationState> read, Action<CommunicationState> write, Incident? incident, IncidentCommand? command)
        => CommunicationMachine.Definition.Configure(read, write);

    internal override CommunicationState StateOf(Incident incident) => incident.Processes.FindCommunication(Audit)?.State ?? CommunicationState.NotDrafted;

    internal override CommunicationTrigger TriggerOf(IncidentCommand command) => ((CommunicationCommand)command).CommunicationTrigger;

    // Before its draft the incident has no such communication: the router refuses by naming it, before any machine.
    internal override bool IsRefusal(Rejection reason, CommunicationState state, CommunicationTrigger trigger)
        => state == CommunicationState.NotDrafted
            ? reason is RuleBroken { Rule: IncidentProcessRules.ProcessMustExist }
            : base.IsRefusal(reason, state, trigger);

    internal override IEnumerable<TimedCommand> CommandsFor(CommunicationTrigger trigger, Incident incident, Instant now)
    {
        var id = IncidentId;
        IncidentCommand? command = trigger switch
        {
            CommunicationTrigger.Draft => new DraftCommunication(id, Audit, CommandId.New(), Commands.Engineer, CommunicationKind.Audit, "Monitoring audit", new[] { Commands.Customer.Id }),
            CommunicationTrigger.SubmitForReview => new SubmitCommunicationForReview(id, Audit, CommandId.New(), Commands.Engineer),
            CommunicationTrigger.Release => new ReleaseCommunication(id, Audit, CommandId.New(), Commands.ServiceManager, "audit-call", new[] { "account-manager" }),
            CommunicationTrigger.Withdraw => new WithdrawCommunication(id, Audit, CommandId.New(), Commands.Engineer, "superseded by the audit"),
            _ => null,
        };
        return command is null ? Array.Empty<TimedCommand>() : new[] { new TimedCommand(now, command) };
    }
}
