using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
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
public sealed class CommunicationFoldTests : IClassFixture<CommunicationFoldTests.Explored>
{
    private readonly SubProcessExploration<CommunicationState, CommunicationTrigger> _explored;

    public CommunicationFoldTests(Explored explored) => _explored = explored.Value;

    public static TheoryData<CommunicationState, CommunicationTrigger, CommunicationState> Edges => SubProcessExploration<CommunicationState, CommunicationTrigger>.EdgeData(new CommunicationScript());

    public static TheoryData<CommunicationState, CommunicationTrigger> MissingEdges => SubProcessExploration<CommunicationState, CommunicationTrigger>.MissingEdgeData(new CommunicationScript());

    [Theory]
    [MemberData(nameof(Edges))]
    public Task Decide_ConfiguredEdge_FoldLandsWhereFireLands(CommunicationState from, CommunicationTrigger trigger, CommunicationState to)
        => _explored.VerifyEdgeAsync(from, trigger, to);

    [Theory]
    [MemberData(nameof(MissingEdges))]
    public Task Decide_TriggerWithoutEdge_RefusedAndNothingChanges(CommunicationState state, CommunicationTrigger trigger)
        => _explored.VerifyRefusalAsync(state, trigger);

    [Fact]
    public void Decide_EveryCommunicationCommandType_AcceptedSomewhere() => _explored.VerifyEveryCommandTypeAccepted();

    [Fact]
    public void Walks_Generated_VisitEveryState() => _explored.VerifyWalksVisitEveryState(200);

    /// <summary>
    /// A released result is never pulled back and a withdrawn one never reaches the customer afterwards, and every
    /// accepted command's fold lands where firing does.
    /// </summary>
    [ConfiguredProperty]
    public Property RandomCommands_FoldAgreesWithFire_ReleasedOrWithdrawnStays()
        => _explored.WalkProperty();

    public sealed class Explored
    {
        public Explored() => Value = new(new CommunicationScript());

        internal SubProcessExploration<CommunicationState, CommunicationTrigger> Value { get; }
    }
}

/// <summary>Which public command fires each communication trigger: an engineer produces, a service manager releases.</summary>
internal sealed class CommunicationScript : SubProcessScript<CommunicationState, CommunicationTrigger>
{
    private static readonly CommunicationId Audit = new(new Guid("0f01d000-0000-4000-8000-0000000000c1"));

    internal CommunicationScript()
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
