using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>
/// Model-based property: random command sequences from random roles (bad ones and repeated command ids included) run
/// through the engine and, side by side, through a small reference model written independently of the engine. The
/// number of sequences is CUSTOMERADVOCACY_MODEL_SEQUENCES (default 10,000).
/// </summary>
public sealed class ModelBasedTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly IncidentId Id = new(new Guid("6d1b0c7e-0000-4000-8000-000000000001"));

    // Short targets in the London office's business time, so that 20 minutes per command reach warnings and breaches.
    private static readonly FixedIncidentContextProvider Contexts = new(new IncidentContext(
        new AdvocacyPolicy(Duration.FromMinutes(30), Duration.FromHours(1), Duration.FromHours(3), TargetClock.BusinessTime, "standard-ladder"),
        IncidentContexts.LondonOffice));

    private readonly Statistics _stats = new();

    [Fact]
    public void RandomCommandSequences_KeepEveryInvariant()
    {
        var sequences = int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_MODEL_SEQUENCES"), out var n) && n > 0 ? n : 10_000;
        var arbitrary = Arb.From(IncidentGenerators.CommandSequences(Id, Start));
        var property = Prop.ForAll(arbitrary, (IncidentCommand[] sequence) => RunAsync(sequence));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(sequences).WithQuietOnSuccess(true), property);

        Assert.Equal(sequences, _stats.Sequences);

        // The generator must actually reach the interesting places, or the property proves little.
        Assert.True(_stats.Resolved > sequences / 20, $"only {_stats.Resolved} of {sequences} sequences closed");
        Assert.True(_stats.CloseRefused > sequences / 50, $"only {_stats.CloseRefused} refused closures");
        Assert.True(_stats.CloseRefusedByGate > sequences / 100, $"only {_stats.CloseRefusedByGate} closures refused by the gate");
        Assert.True(_stats.Duplicates > sequences / 2, $"only {_stats.Duplicates} duplicate command ids");
        Assert.All(new[] { nameof(NotAuthorized), nameof(NotPermittedInState), nameof(RuleBroken) }, k => Assert.True(_stats.Rejections.ContainsKey(k), k + " never happened"));
        Assert.True(_stats.ServiceLevelRecords > sequences / 100, $"only {_stats.ServiceLevelRecords} service-level warnings or breaches recorded");
        Assert.True(_stats.OffersMade > sequences / 100, $"only {_stats.OffersMade} commitment offers made");
    }

    private async Task RunAsync(IncidentCommand[] sequence)
    {
        var clock = new FakeClock(Start);
        var store = new InMemoryIncidentStore();
        var engine = new IncidentEngine(store, new FixedIncidentContextProvider(Contexts.Context with { EscalationLadder = Escalation.EscalationFixture.Ladder }), clock);
        var everMissed = false;
        var model = new Model();
        var firing = new FiringProbe<IncidentState, IncidentTrigger>(IncidentLifecycle.Definition.Configure);
        Interlocked.Increment(ref _stats.Sequences);

        foreach (var command in sequence)
        {
            clock.Advance(Duration.FromMinutes(20));
            var before = await engine.LoadAsync(Id);
            var eventsBefore = (await store.ReadStreamAsync(Id, 1, CancellationToken.None)).Count;
            var seen = model.Seen.TryGetValue(command.CommandId, out var recorded);
            if (command is CloseIncident && model.MayClose(command.Actor) && before.State == IncidentState.ResolutionProposed && command.ExpectedVersion is null)
            {
                model.CloseExpected = true;
            }

            var result = await engine.ExecuteAsync(command);
            var after = await engine.LoadAsync(Id);
            var events = await store.ReadStreamAsync(Id, 1, CancellationToken.None);

            Require(events.Select(e => e.Version).SequenceEqual(Enumerable.Range(1, events.Count).Select(v => (long)v)), "versions are contiguous from 1");
            Require(IncidentEvolver.Replay(Id, events).Equals(after), "replay equals the live state");
            Require(result.Incident.Equals(after), "the engine returns the stored state");

            if (seen)
            {
                Interlocked.Increment(ref _stats.Duplicates);
                Require(result.IsDuplicate, "a repeated command id is reported as a duplicate");
                Require(result.Decision.Equals(recorded), "a repeated command id returns the same outcome");
                Require(events.Count == eventsBefore, "a repeated command id records nothing");
                model.CloseExpected = false;
                continue;
            }

            model.Seen[command.CommandId] = result.Decision;
            if (result.Decision is Rejected rejected)
            {
                _stats.Count(rejected.Reason.Kind);
                Require(events.Count == eventsBefore && after.Equals(before), "a rejected command changes nothing");
                Require(!model.CloseExpected, $"a closure the model allows was refused: {rejected.Reason}");
                if (command is CloseIncident)
                {
                    Interlocked.Increment(ref _stats.CloseRefused);
                    if (rejected.Reason is RuleBroken broken)
                    {
                        // A refused close lists every unmet condition, each typed, exactly as the gate and the model see them.
                        var problems = broken.Violations.Cast<ClosureProblem>().ToArray();
                        Require(problems.SequenceEqual(ClosureGate.Evaluate(before)), "a refused close carries every problem the gate finds");
                        Require(
                            problems.Select(p => p.Condition).Distinct().OrderBy(c => c).SequenceEqual(model.UnmetClosureConditions()),
                            $"a refused close names every condition the model sees unmet: {string.Join(", ", problems.Select(p => p.Condition))} vs {string.Join(", ", model.UnmetClosureConditions())}");
                        Require(broken.Rule == problems[0].Rule, "the refusal's rule is its first violation's");
                        Interlocked.Increment(ref _stats.CloseRefusedByGate);
                    }
                }

                RequireCustomerOnly(command, accepted: false);
                continue;
            }

            var produced = ((Accepted)result.Decision).Events;
            Require(produced.Count > 0 && events.Count == eventsBefore + produced.Count, "an accepted command records its events once");
            RequireCustomerOnly(command, accepted: true);
            if (command is CloseIncident)
            {
                Require(model.MayClose(command.Actor), "a closed incident had every criterion met with evidence, a customer confirmation after the last criterion change, no open commitment, no pending offer and an owner");
                Require(before.CommitmentOffers.Count == 0 && after.CommitmentOffers.Count == 0, "a closed incident had no commitment offer pending");
                Interlocked.Increment(ref _stats.Resolved);
            }

            if (command is RecordServiceLevelWarning or RecordServiceLevelBreach)
            {
                var (kind, breach) = command is RecordServiceLevelWarning w ? (w.Kind, false) : (((RecordServiceLevelBreach)command).Kind, true);
                var deadline = before.ServiceLevels!.Of(kind);
                Require(clock.GetCurrentInstant() >= (breach ? deadline.Schedule.Due : deadline.Schedule.WarningAt), "a warning or breach is recorded only once it is due");
                Interlocked.Increment(ref _stats.ServiceLevelRecords);
            }

            if (produced.OfType<CommitmentOffered>().Any())
            {
                Interlocked.Increment(ref _stats.OffersMade);
            }

            model.CloseExpected = false;
            // The generator seldom lets a commitment fall due (SubProcessSeedCaseTests covers it directly); every
            // sequence still proves that no other command raises the escalation and that the lifecycle ignores it.
            everMissed |= command is RecordCommitmentMissed;

            Require(
                (after.Processes.Escalation?.IsActive(CustomerAdvocacy.Escalation.EscalationTriggerKind.CommitmentMissed) ?? false) == everMissed,
                "a missed commitment raises the escalation in the same decision, and nothing else does");
            if (!command.Trigger.IsSubProcess())
            {
                // Decisions only ask the shared machine; the event's fold must land where firing would have.
                var fired = firing.Fire(before.State, command.Trigger);
                Require(after.State == fired, $"the fold reached {after.State}, firing {command.Trigger} in {before.State} reaches {fired?.ToString() ?? "nothing: it cannot fire"}");
            }

            model.Apply(command, before.State, after.Version);
            Require(after.State == model.State, $"state {after.State} but the model expects {model.State} after {command.Trigger}");
            Require(after.AccountableOwnerId == model.Owner && after.PendingSuccessorId == model.Pending, "the owner matches the model and is never absent");
            Require(after.Criteria.Where(c => c.IsMet).Select(c => c.Id).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(model.Met.OrderBy(x => x, StringComparer.Ordinal)), "met criteria match the model");
            Require(after.Commitments.Where(c => c.IsOutstanding).Select(c => c.Id).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(model.OpenCommitments.OrderBy(x => x, StringComparer.Ordinal)), "outstanding commitments match the model");
            Require(after.CommitmentOffers.Select(c => c.Id).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(model.PendingOffers.OrderBy(x => x, StringComparer.Ordinal)), "pending offers match the model");
            var levels = after.ServiceLevels!;
            Require(
                levels.IsCadenceRunning == model.CadenceRunning && levels.UpdatesDelivered == model.UpdatesDelivered && levels.UpdatesMissed == model.UpdatesMissed,
                $"the update cadence (running {levels.IsCadenceRunning}, {levels.UpdatesDelivered} delivered, {levels.UpdatesMissed} missed) matches the model");
        }
    }

    private static void RequireCustomerOnly(IncidentCommand command, bool accepted)
    {
        var customerOnly = command is ConfirmResolution or ApprovePlan or RejectPlan or DisputeResolution or AgreeCriteriaChange or RejectCriteriaChange or AcceptCommitmentDue or RejectCommitmentDue;
        Require(!(accepted && customerOnly && !command.Actor.Role.IsCustomer()), $"{command.Trigger} accepted from {command.Actor.Role}: nobody acts on the customer's behalf");
    }

    private static void Require(bool condition, string invariant)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Invariant broken: " + invariant);
        }
    }

    private sealed class Statistics
    {
        public int Sequences;
        public int Resolved;
        public int CloseRefused;
        public int CloseRefusedByGate;
        public int Duplicates;
        public int ServiceLevelRecords;
        public int OffersMade;

        public Dictionary<string, int> Rejections { get; } = new();

        public void Count(string kind)
        {
            lock (Rejections)
            {
                Rejections[kind] = Rejections.TryGetValue(kind, out var c) ? c + 1 : 1;
            }
        }
    }

    /// <summary>A deliberately naive reference model of what an accepted command does.</summary>
    private sealed class Model
    {
        private static readonly Dictionary<IncidentTrigger, (IncidentState From, IncidentState To)> Moves = new()
        {
            [IncidentTrigger.Open] = (IncidentState.NotOpened, IncidentState.Opened),
            [IncidentTrigger.CapturePerspective] = (IncidentState.Opened, IncidentState.Engaged),
            [IncidentTrigger.StartAnalysis] = (IncidentState.Engaged, IncidentState.Analyzing),
            [IncidentTrigger.ProposePlan] = (IncidentState.Analyzing, IncidentState.PlanProposed),
            [IncidentTrigger.RejectPlan] = (IncidentState.PlanProposed, IncidentState.Analyzing),
            [IncidentTrigger.ApprovePlan] = (IncidentState.PlanProposed, IncidentState.PlanApproved),
            [IncidentTrigger.StartExecution] = (IncidentState.PlanApproved, IncidentState.Executing),
            [IncidentTrigger.ProposeResolution] = (IncidentState.Executing, IncidentState.ResolutionProposed),
            [IncidentTrigger.DisputeResolution] = (IncidentState.ResolutionProposed, IncidentState.Executing),
            [IncidentTrigger.Close] = (IncidentState.ResolutionProposed, IncidentState.Resolved),
            [IncidentTrigger.ReturnToSop] = (IncidentState.Resolved, IncidentState.ReturnedToSop),
            [IncidentTrigger.CompleteReview] = (IncidentState.ReturnedToSop, IncidentState.Reviewed),
        };

        private readonly List<string> _agreed = new();
        private List<string> _proposed = new();
        private List<string> _pendingChange = new();
        private long _criteriaRevision;
        private long _confirmedAt;

        public Dictionary<CommandId, Decision> Seen { get; } = new();

        public IncidentState State { get; private set; }

        public string? Owner { get; private set; }

        public string? Pending { get; private set; }

        public HashSet<string> Met { get; } = new();

        public HashSet<string> OpenCommitments { get; } = new();

        public HashSet<string> PendingOffers { get; } = new();

        public bool CadenceRunning { get; private set; }

        public int UpdatesDelivered { get; private set; }

        public int UpdatesMissed { get; private set; }

        public bool CloseExpected { get; set; }

        public bool MayClose(Actor actor)
            => _agreed.Count > 0 && _agreed.All(Met.Contains) && _confirmedAt > _criteriaRevision && OpenCommitments.Count == 0 && PendingOffers.Count == 0
                && Owner is not null && Pending is null && actor.Role == IncidentRole.AccountableOwner && actor.Id == Owner;

        public IEnumerable<ClosureCondition> UnmetClosureConditions()
        {
            if (_agreed.Count == 0 || !_agreed.All(Met.Contains))
            {
                yield return ClosureCondition.EveryCriterionMetWithEvidence;
            }

            if (!(_confirmedAt > _criteriaRevision))
            {
                yield return ClosureCondition.CustomerConfirmedAfterLastCriterionChange;
            }

            if (OpenCommitments.Count > 0)
            {
                yield return ClosureCondition.NoOpenCommitment;
            }

            if (PendingOffers.Count > 0)
            {
                yield return ClosureCondition.NoPendingCommitmentOffer;
            }

            if (Owner is null || Pending is not null)
            {
                yield return ClosureCondition.AccountableOwnerInPlace;
            }
        }

        public void Apply(IncidentCommand command, IncidentState from, long version)
        {
            if (Moves.TryGetValue(command.Trigger, out var move))
            {
                Require(from == move.From, $"{command.Trigger} accepted in {from}");
                State = move.To;
            }
            else if (command is ClassifyRelatedRecurrence)
            {
                Require(from is IncidentState.Executing or IncidentState.ResolutionProposed, "a related recurrence joins during get-well only");
                State = IncidentState.Executing;
            }

            switch (command)
            {
                case OpenIncident c:
                    Owner = c.AccountableOwnerId;
                    CadenceRunning = true;
                    break;
                case ProposePlan c:
                    _proposed = c.Criteria.Select(d => d.Id).ToList();
                    break;
                case RejectPlan:
                    _proposed = new List<string>();
                    break;
                case ApprovePlan:
                    _agreed.AddRange(_proposed);
                    _proposed = new List<string>();
                    _criteriaRevision = version;
                    break;
                case RecordCriterionMet c:
                    Met.Add(c.CriterionId);
                    _criteriaRevision = version;
                    break;
                case ConfirmResolution:
                    _confirmedAt = version;
                    CadenceRunning = false;
                    break;
                case DisputeResolution c:
                    Met.ExceptWith(c.DisputedCriterionIds);
                    _criteriaRevision = version;
                    CadenceRunning = true;
                    break;
                case CloseIncident:
                    CadenceRunning = false;
                    break;
                case MakeCommitment { Due: null } c:
                    PendingOffers.Add(c.CommitmentId);
                    break;
                case MakeCommitment c:
                    OpenCommitments.Add(c.CommitmentId);
                    break;
                case OfferCommitment c:
                    PendingOffers.Add(c.CommitmentId);
                    break;
                case RejectCommitmentDue c:
                    PendingOffers.Remove(c.CommitmentId);
                    break;
                case SendCustomerUpdate when CadenceRunning:
                    UpdatesDelivered++;
                    break;
                case RecordServiceLevelBreach { Kind: ServiceLevelKind.Update }:
                    UpdatesMissed++;
                    break;
                case DeliverCommitment c:
                    OpenCommitments.Remove(c.CommitmentId);
                    break;
                case AcceptCommitmentDue c:
                    PendingOffers.Remove(c.CommitmentId);
                    OpenCommitments.Add(c.CommitmentId);
                    break;
                case RecordConversation { PrivateAsideWith: not null } c when !string.IsNullOrWhiteSpace(c.PrivateAsideWith):
                    OpenCommitments.Add("follow-up:" + c.ConversationId);
                    break;
                case HandOff c:
                    Pending = c.SuccessorId;
                    break;
                case AcceptHandoff c:
                    Require(c.Actor.Id == Pending, "only the named successor accepts");
                    Owner = Pending;
                    Pending = null;
                    break;
                case ClassifyRelatedRecurrence c:
                    CadenceRunning = true;
                    if (c.ProposedCriteria.Count > 0)
                    {
                        _pendingChange = c.ProposedCriteria.Select(d => d.Id).ToList();
                    }

                    break;
                case AgreeCriteriaChange:
                    _agreed.AddRange(_pendingChange);
                    _pendingChange = new List<string>();
                    _criteriaRevision = version;
                    break;
                case RejectCriteriaChange:
                    _pendingChange = new List<string>();
                    break;
                default:
                    break;
            }
        }
    }
}
