using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Storage;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>What the sub-process golden streams replay to, and proof that together they hold every event type.</summary>
public sealed class SubProcessGoldenExpectations
{
    internal static void Everything(Incident i)
    {
        Assert.Equal(SubProcessGoldenStreams.MainId, i.Id);
        Assert.Equal(IncidentState.Reviewed, i.State);
        var p = i.Processes;

        var escalation = p.Escalation!;
        Assert.Equal(EscalationPhase.Escalating, escalation.Phase);
        Assert.Equal(EscalationLevel.Executive, escalation.Level);
        Assert.Equal(new[] { EscalationTriggerKind.BusinessImpact, EscalationTriggerKind.Avoidance }, escalation.ActiveTriggers);
        Assert.Equal(new[] { PowerLineDecisionKind.ContractTermException }, escalation.Decisions);

        var analysis = p.Analysis!;
        Assert.Equal(ProposalStatus.Approved, analysis.ProposalStatus);
        Assert.Equal(new[] { "a-embroider" }, analysis.ExecutedActions);
        Assert.Equal("s-bug", Assert.Single(analysis.RemainingScenarios).Id);
        Assert.True(Assert.Single(analysis.Meetings).Held);

        Assert.Equal(new[] { CommunicationState.Released, CommunicationState.Withdrawn }, p.Communications.Select(c => c.State));
        Assert.Equal("audit-call", p.FindCommunication(SubProcessGoldenStreams.ReleasedAudit)!.Release!.Id);

        var patch = p.FindChangePlan(SubProcessGoldenStreams.PatchPlan)!;
        Assert.True(patch.IsClosed);
        Assert.Equal("sarah", patch.AccountableOwnerId);
        Assert.Equal(new[] { "fred" }, patch.FormerOwnerIds);
        Assert.Equal("Apply OS patch to the fab scheduling server", patch.Definition.Title);
        Assert.Equal("America/New_York", patch.Definition.CustomerZone.Id);
        Assert.True(p.FindChangePlan(SubProcessGoldenStreams.RolledBackPlan)!.IsClosed);

        Assert.Equal(MitigationTrialState.SwitchedOff, p.MitigationTrial!.State);
        Assert.Equal(new[] { 7 }, p.MitigationTrial.RemindersSent);

        var review = p.ManagementReview!;
        Assert.Equal(ReviewState.Completed, review.State);
        Assert.Equal(i.ResolvedAt, review.ClosedAt);
        Assert.True(review.CustomerFit!.UpgradeRecommended);
        Assert.Equal(TerminationGround.CostToServe, review.TerminationRecommendation);
        Assert.False(review.TerminationDecision);
    }

    internal static void TrialDeclined(Incident i)
    {
        Assert.Equal(SubProcessGoldenStreams.DeclinedId, i.Id);
        Assert.Equal(MitigationTrialState.Declined, i.Processes.MitigationTrial!.State);
    }

    internal static void TrialPurchased(Incident i)
    {
        Assert.Equal(SubProcessGoldenStreams.PurchasedId, i.Id);
        Assert.Equal(MitigationTrialState.Purchased, i.Processes.MitigationTrial!.State);
        Assert.Equal(IncidentState.Opened, i.State);
    }

    [Fact]
    public void Snapshot_IncidentWithEverySubProcess_ReadsBackEqualToTheReplay()
    {
        var replayed = IncidentEvolver.Replay(SubProcessGoldenStreams.MainId, SubProcessGoldenStreams.Everything());
        var serializer = new IncidentSnapshotSerializer();

        Assert.True(serializer.TryDeserialize(serializer.Serialize(replayed), out var restored, out var problem), problem);

        Assert.Equal(replayed, restored);
        Assert.Equal(2, restored!.Processes.ChangePlans.Count);
        Assert.Equal("America/New_York", restored.Processes.ChangePlans[0].Definition.CustomerZone.Id);
    }

    [Fact]
    public void GoldenStreams_TogetherHoldEverySubProcessEventType()
    {
        var subProcessEvents = typeof(IncidentEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(IncidentEvent)) && !t.IsAbstract && t.Namespace != typeof(IncidentOpened).Namespace)
            .Select(t => (string)t.GetField("TypeName")!.GetValue(null)!)
            .ToHashSet();
        var recorded = new[] { "sub-processes", "sub-process-trial-declined", "sub-process-trial-purchased" }
            .SelectMany(name =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf($"tests/CustomerAdvocacy.Tests/Storage/golden/v1/{name}.json")));
                return document.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()!).ToArray();
            })
            .ToHashSet();

        Assert.Equal(46, subProcessEvents.Count);
        Assert.Empty(subProcessEvents.Except(recorded, StringComparer.Ordinal));
    }
}
