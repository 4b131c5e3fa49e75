using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Tests.Incidents;
using FsCheck;
using NodaTime;
using Stateless;

namespace CustomerAdvocacy.Tests.Review;

/// <summary>
/// Every edge of the management-review machine, taken through a public command on an incident returned to SOP: the
/// fold of the recorded event lands where firing a fresh machine lands.
/// </summary>
public sealed class ManagementReviewFoldTests : SubProcessFoldTests<ReviewState, ReviewTrigger, ManagementReviewScript>
{
    public ManagementReviewFoldTests(Explored explored)
        : base(explored)
    {
    }

    /// <summary>A completed review is never reopened, and every accepted command's fold lands where firing does.</summary>
    [ConfiguredProperty]
    public Property RandomCommands_FoldAgreesWithFire_CompletedReviewStaysCompleted()
        => Exploration.WalkProperty();
}

/// <summary>Which public command fires each review trigger: a service manager reviews, an executive decides termination.</summary>
public sealed class ManagementReviewScript : SubProcessScript<ReviewState, ReviewTrigger>
{
    private static readonly Actor Executive = new("eve", IncidentRole.Executive);

    public ManagementReviewScript()
        : base(new IncidentId(new Guid("0f01d000-0000-4000-8000-000000000005")))
    {
    }

    internal override string Machine => "management review";

    internal override Type CommandBase => typeof(ReviewCommand);

    internal override StateMachine<ReviewState, ReviewTrigger> Configure(Func<ReviewState> read, Action<ReviewState> write, Incident? incident, IncidentCommand? command)
        => ReviewDecider.Definition.Configure(read, write);

    // The review starts once the customer is back on standard operating procedure.
    internal override IEnumerable<IncidentCommand> Setup()
        => Commands.ToExecuting("c1").Concat(new IncidentCommand[]
        {
            Commands.MeetCriterion("c1"), Commands.ProposeResolution(), Commands.Confirm(), Commands.Close(), Commands.ReturnToSop(),
        });

    internal override ReviewState StateOf(Incident incident) => incident.Processes.ManagementReview?.State ?? ReviewState.NotStarted;

    internal override ReviewTrigger TriggerOf(IncidentCommand command) => ((ReviewCommand)command).ReviewTrigger;

    // Findings, preventive actions and the fit assessment are what completing and recommending termination need.
    internal override object Signature(Incident incident)
    {
        var review = incident.Processes.ManagementReview;
        return (StateOf(incident), review?.Chronology.Count > 0, review?.PreventiveActions.Count > 0, review?.CustomerFit is not null);
    }

    internal override IEnumerable<TimedCommand> CommandsFor(ReviewTrigger trigger, Incident incident, Instant now)
    {
        var review = incident.Processes.ManagementReview;
        var closedAt = incident.ResolvedAt ?? now;
        var id = IncidentId;
        var staff = Commands.ServiceManager;
        IncidentCommand? command = trigger switch
        {
            ReviewTrigger.Start => new StartManagementReview(id, CommandId.New(), staff, closedAt),
            ReviewTrigger.RecordFindings => new RecordReviewFindings(
                id,
                CommandId.New(),
                staff,
                new[] { new ChronologyEntry(closedAt, "closed") },
                new[] { new ContributingFactor("c-patch", "patch late", FactorOwner.Provider, true) },
                new[] { "patch earlier" }),
            ReviewTrigger.AddPreventiveAction => new AddPreventiveAction(
                id,
                CommandId.New(),
                staff,
                new PreventiveAction("p-" + ((review?.PreventiveActions.Count ?? 0) + 1), "Monthly patch window", PreventiveActionKind.Process, "sam", now + Duration.FromDays(30))),
            ReviewTrigger.AssessCustomerFit => new AssessCustomerFit(id, CommandId.New(), staff, new CustomerFitFacts(4, SolutionOutdated: true, CostToServe: 200_000m, Revenue: 80_000m, StaffAbuseReported: false)),
            ReviewTrigger.RecommendTermination => new RecommendTermination(
                id,
                CommandId.New(),
                staff,
                review?.CustomerFit?.TerminationGrounds.FirstOrDefault() ?? TerminationGround.CostToServe,
                "serving costs more than twice the revenue"),
            ReviewTrigger.DecideTermination => new DecideTermination(id, CommandId.New(), Executive, false, "an upgrade is offered first"),
            ReviewTrigger.Complete => new CompleteManagementReview(id, CommandId.New(), staff),
            _ => null,
        };
        return command is null ? Array.Empty<TimedCommand>() : new[] { new TimedCommand(now, command) };
    }
}
