using System;
using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>
/// The realistic incidents the golden files were written from. Only used to (re)write the files of the current
/// schema version (<c>CUSTOMERADVOCACY_WRITE_GOLDEN=1</c>); the golden test reads the committed files, never these.
/// </summary>
internal static class GoldenStreams
{
    internal static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    internal static readonly IncidentId ReviewedId = new(new Guid("5b0c1a55-0000-4000-8000-000000000001"));
    internal static readonly IncidentId DisputedId = new(new Guid("5b0c1a55-0000-4000-8000-000000000002"));
    internal static readonly IncidentId HandoffId = new(new Guid("5b0c1a55-0000-4000-8000-000000000003"));
    internal static readonly IncidentId OffersId = new(new Guid("5b0c1a55-0000-4000-8000-000000000005"));
    internal static readonly IncidentId SplitOffId = new(new Guid("5b0c1a55-0000-4000-8000-000000000004"));
    internal static readonly IncidentId ServiceLevelsId = new(new Guid("5b0c1a55-0000-4000-8000-000000000006"));

    internal static IReadOnlyDictionary<string, IReadOnlyList<IncidentEvent>> All() => new Dictionary<string, IReadOnlyList<IncidentEvent>>
    {
        ["open-to-reviewed"] = Reviewed(),
        ["disputed"] = Disputed(),
        ["handoff-and-commitments"] = HandoffAndCommitments(),
        ["commitment-offers"] = CommitmentOffers(),
        ["sub-processes"] = SubProcessGoldenStreams.Everything(),
        ["sub-process-trial-declined"] = SubProcessGoldenStreams.TrialDeclined(),
        ["sub-process-trial-purchased"] = SubProcessGoldenStreams.TrialPurchased(),
        ["service-levels"] = ServiceLevels(),
    };

    /// <summary>
    /// Every service-level event: deadlines started in the customer's calendar, warnings and breaches recorded, updates
    /// delivering cadence occurrences, the cadence ending at the confirmation and resuming after a dispute, and a
    /// proposed due instant offered for a commitment made without one.
    /// </summary>
    private static IReadOnlyList<IncidentEvent> ServiceLevels()
    {
        var c = new IncidentCommands(ServiceLevelsId, Start);
        var s = new IncidentScenario(ServiceLevelsId, Start);
        IncidentCommand Record(bool breach, ServiceLevelKind kind) => breach
            ? new RecordServiceLevelBreach(ServiceLevelsId, CommandId.New(), c.ServiceManager, kind)
            : new RecordServiceLevelWarning(ServiceLevelsId, CommandId.New(), c.ServiceManager, kind);

        // Monday 2 March 2026, 09:00 in London; 4-hour first response, 8-hour cadence in the office's business time.
        s.Given(c.Open(), c.CapturePerspective());
        s.Now = Instant.FromUtc(2026, 3, 2, 12, 0);
        s.Given(Record(false, ServiceLevelKind.FirstResponse));
        s.Now = Instant.FromUtc(2026, 3, 2, 13, 0);
        s.Given(Record(true, ServiceLevelKind.FirstResponse), c.SendUpdate(), c.StartAnalysis(), c.ProposePlan("c1"), c.ApprovePlan(), c.StartExecution());
        s.Now = Instant.FromUtc(2026, 3, 3, 17, 0);
        s.Given(Record(false, ServiceLevelKind.Update), Record(true, ServiceLevelKind.Update), c.Commit("k1") with { Due = null });
        s.Given(new RejectCommitmentDue(ServiceLevelsId, CommandId.New(), c.Customer, "k1", "our change freeze starts tomorrow"), c.MeetCriterion("c1"), c.ProposeResolution(), c.Confirm());
        s.Now = Instant.FromUtc(2026, 3, 4, 10, 0);
        s.Given(c.Dispute("c1"), c.MeetCriterion("c1"), c.ProposeResolution(), c.Confirm(), c.Close());
        return s.History;
    }

    private static IReadOnlyList<IncidentEvent> CommitmentOffers()
    {
        var c = new IncidentCommands(OffersId, Start);
        var s = new IncidentScenario(OffersId, Start);
        s.Given(
            c.Open(),
            c.CapturePerspective(),
            new OfferCommitment(OffersId, CommandId.New(), c.Owner, "k1", c.Owner.Id, "send the root-cause report", Start + Duration.FromHours(20)),
            new AcceptCommitmentDue(OffersId, CommandId.New(), c.Customer, "k1"),
            new OfferCommitment(OffersId, CommandId.New(), c.Owner, "k2", c.Owner.Id, "patch the cluster", Start + Duration.FromDays(3)),
            new RejectCommitmentDue(OffersId, CommandId.New(), c.Customer, "k2", "we need it before the weekend"));
        return s.History;
    }

    private static IReadOnlyList<IncidentEvent> Reviewed()
    {
        var c = new IncidentCommands(ReviewedId, Start);
        var s = new IncidentScenario(ReviewedId, Start);
        s.Given(c.Open(), c.CapturePerspective(), c.StartAnalysis());
        s.Now += Duration.FromHours(3);
        s.Given(c.ProposePlan("c1"), new RejectPlan(ReviewedId, CommandId.New(), c.Customer, "the target date is too late for us"));
        s.Now += Duration.FromHours(2);
        s.Given(c.ProposePlan("c1", "c2"), c.ApprovePlan(), c.StartExecution());
        s.Now += Duration.FromDays(1);
        s.Given(
            new RecordConversation(ReviewedId, CommandId.New(), c.Owner, "call-1", new[] { c.Owner.Id, c.Customer.Id, "Zoë Ñúñez \"the CTO\"" }, null, null),
            c.MeetCriterion("c1"),
            c.MeetCriterion("c2"),
            c.ProposeResolution(),
            c.Confirm());
        s.Now += Duration.FromHours(1);
        s.Given(c.Close(), c.ReturnToSop());
        s.Now += Duration.FromDays(7);
        s.Given(c.CompleteReview());
        return s.History;
    }

    private static IReadOnlyList<IncidentEvent> Disputed()
    {
        var c = new IncidentCommands(DisputedId, Start);
        var s = new IncidentScenario(DisputedId, Start);
        s.Given(c.ToExecuting("c1", "c2"));
        s.Now += Duration.FromDays(2);
        s.Given(c.MeetCriterion("c1"), c.MeetCriterion("c2"), c.ProposeResolution(), c.Dispute("c2"));
        s.Now += Duration.FromDays(1);
        s.Given(c.MeetCriterion("c2"), c.ProposeResolution());
        return s.History;
    }

    private static IReadOnlyList<IncidentEvent> HandoffAndCommitments()
    {
        var c = new IncidentCommands(HandoffId, Start);
        var s = new IncidentScenario(HandoffId, Start);
        s.Given(c.Open(), c.CapturePerspective(), c.Commit("k1"), c.Commit("k2", 8));
        s.Now += Duration.FromHours(2);
        s.Given(c.Deliver("k1"));
        s.Now += Duration.FromHours(7);
        s.Given(new RecordCommitmentMissed(HandoffId, CommandId.New(), c.Owner, "k2"), c.HandOff("engineer-7"), c.AcceptHandoff("engineer-7"));
        var owner = new Actor("engineer-7", IncidentRole.AccountableOwner);
        s.Given(
            new StartAnalysis(HandoffId, CommandId.New(), owner),
            new ProposePlan(HandoffId, CommandId.New(), owner, Start + Duration.FromDays(14), new[] { new CriterionDraft("c1", "Orders flow again") }),
            c.ApprovePlan(),
            new StartExecution(HandoffId, CommandId.New(), owner),
            new ClassifyRelatedRecurrence(HandoffId, CommandId.New(), owner, "REC-2", new[] { new CriterionDraft("c9", "No repeat for 7 days") }),
            new AgreeCriteriaChange(HandoffId, CommandId.New(), c.Customer),
            new ClassifyUnrelatedRecurrence(HandoffId, CommandId.New(), owner, "REC-3", SplitOffId),
            new ClassifyRelatedRecurrence(HandoffId, CommandId.New(), owner, "REC-4", new[] { new CriterionDraft("c10", "Backlog cleared") }),
            new RejectCriteriaChange(HandoffId, CommandId.New(), c.Customer, "out of scope"));
        return s.History;
    }
}
