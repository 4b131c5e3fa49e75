using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerAdvocacy.Testing;

/// <summary>
/// FsCheck generators of incident commands: well-formed and ill-formed ones, from every role, and sequences built on a
/// happy path with steps dropped, actors swapped, noise inserted and earlier commands repeated with the same id.
/// </summary>
public static class IncidentGenerators
{
    private static readonly string[] CriterionIds = { "c1", "c2", "c3" };
    private static readonly string[] CommitmentIds = { "k1", "k2", "k3" };

    /// <summary>Command ids drawn from the generator's randomness (so a seed reproduces them).</summary>
    /// <returns>The generator.</returns>
    public static Gen<CommandId> CommandIds()
        => Gen.ArrayOf(Gen.Choose(0, 255), 16).Select(bytes => new CommandId(new Guid(bytes.Select(b => (byte)b).ToArray())));

    /// <summary>Actors in every role, with a small pool of ids per role so that identities collide.</summary>
    /// <returns>The generator.</returns>
    public static Gen<Actor> Actors()
        => Gen.Elements(
            new Actor("owner-1", IncidentRole.AccountableOwner),
            new Actor("owner-2", IncidentRole.AccountableOwner),
            new Actor("customer-1", IncidentRole.CustomerContact),
            new Actor("customer-boss", IncidentRole.CustomerBusinessManager),
            new Actor("engineer-1", IncidentRole.Engineer),
            new Actor("owner-2", IncidentRole.Engineer),
            new Actor("service-manager-1", IncidentRole.ServiceManager),
            new Actor("senior-1", IncidentRole.SeniorManager),
            new Actor("exec-1", IncidentRole.Executive),
            new Actor("vendor-1", IncidentRole.ThirdParty));

    /// <summary>Any single command for the incident, well-formed or not, from any actor.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="start">The scenario's start; due dates are drawn around it.</param>
    /// <returns>The generator.</returns>
    public static Gen<IncidentCommand> Commands(IncidentId incidentId, Instant start)
    {
        var script = new IncidentCommands(incidentId, start);
        var criterion = Gen.Elements(CriterionIds.Concat(new[] { "c9", " " }).ToArray());
        var commitment = Gen.Elements(CommitmentIds);
        var text = Gen.Elements("checked in the log", " ", "customer confirmed by phone");
        var due = Gen.Elements<Instant?>(null, start - Duration.FromHours(1), start + Duration.FromHours(2), start + Duration.FromHours(8), start + Duration.FromDays(3));
        var drafts = Gen.Elements<IReadOnlyList<CriterionDraft>>(
            Array.Empty<CriterionDraft>(),
            new[] { new CriterionDraft("c3", "no recurrence for a week") },
            new[] { new CriterionDraft("c1", "duplicate of an agreed one") });
        var serviceLevel = Gen.Elements(ServiceLevelKind.FirstResponse, ServiceLevelKind.Update, ServiceLevelKind.Resolution);
        var participants = Gen.Elements<IReadOnlyList<string>>(Array.Empty<string>(), new[] { "customer-1" }, new[] { "customer-1", "owner-1", "engineer-1" });
        var kinds = new Gen<Func<Actor, CommandId, IncidentCommand>>[]
        {
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => script.Open() with { Actor = a, CommandId = c }),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => script.CapturePerspective() with { Actor = a, CommandId = c }),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => script.StartAnalysis() with { Actor = a, CommandId = c }),
            Gen.Elements(0, 1, 2).Select<int, Func<Actor, CommandId, IncidentCommand>>(n => (a, c) => n == 0
                ? new ProposePlan(incidentId, c, a, start + Duration.FromDays(10), Array.Empty<CriterionDraft>())
                : script.ProposePlan(CriterionIds.Take(n).ToArray()) with { Actor = a, CommandId = c }),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new RejectPlan(incidentId, c, a, "too slow")),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new ApprovePlan(incidentId, c, a)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new StartExecution(incidentId, c, a)),
            criterion.Zip(text).Select<(string, string), Func<Actor, CommandId, IncidentCommand>>(p => (a, c) => new RecordCriterionMet(incidentId, c, a, p.Item1, p.Item2, a.Id)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new ProposeResolution(incidentId, c, a)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new ConfirmResolution(incidentId, c, a)),
            criterion.Select<string, Func<Actor, CommandId, IncidentCommand>>(id => (a, c) => new DisputeResolution(incidentId, c, a, new[] { id }, "still failing")),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new CloseIncident(incidentId, c, a)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new ReturnToSop(incidentId, c, a)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new CompleteReview(incidentId, c, a)),
            commitment.Zip(due).Select<(string, Instant?), Func<Actor, CommandId, IncidentCommand>>(p => (a, c) => new MakeCommitment(incidentId, c, a, p.Item1, a.Id, "send an update", p.Item2)),
            commitment.Select<string, Func<Actor, CommandId, IncidentCommand>>(id => (a, c) => new DeliverCommitment(incidentId, c, a, id)),
            commitment.Select<string, Func<Actor, CommandId, IncidentCommand>>(id => (a, c) => new RecordCommitmentMissed(incidentId, c, a, id)),
            participants.Zip(Gen.Elements<string?>(null, "exec-1")).Zip(due).Select<((IReadOnlyList<string>, string?), Instant?), Func<Actor, CommandId, IncidentCommand>>(p => (a, c) =>
                new RecordConversation(incidentId, c, a, "conv-" + c.Value.ToString("N").Substring(0, 6), p.Item1.Item1, p.Item1.Item2, p.Item2)),
            Gen.Elements("owner-1", "owner-2", "engineer-1").Select<string, Func<Actor, CommandId, IncidentCommand>>(s => (a, c) => new HandOff(incidentId, c, a, s)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new AcceptHandoff(incidentId, c, a)),
            drafts.Select<IReadOnlyList<CriterionDraft>, Func<Actor, CommandId, IncidentCommand>>(d => (a, c) => new ClassifyRelatedRecurrence(incidentId, c, a, "REC-1", d)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new AgreeCriteriaChange(incidentId, c, a)),
            Gen.Constant<Func<Actor, CommandId, IncidentCommand>>((a, c) => new RejectCriteriaChange(incidentId, c, a, "not part of this")),
            Gen.Elements(true, false).Select<bool, Func<Actor, CommandId, IncidentCommand>>(self => (a, c) =>
                new ClassifyUnrelatedRecurrence(incidentId, c, a, "REC-2", self ? incidentId : new IncidentId(c.Value))),
            commitment.Zip(due).Select<(string, Instant?), Func<Actor, CommandId, IncidentCommand>>(p => (a, c) =>
                new OfferCommitment(incidentId, c, a, p.Item1, a.Id, "send the root cause", p.Item2 ?? start)),
            commitment.Select<string, Func<Actor, CommandId, IncidentCommand>>(id => (a, c) => new AcceptCommitmentDue(incidentId, c, a, id)),
            commitment.Zip(text).Select<(string, string), Func<Actor, CommandId, IncidentCommand>>(p => (a, c) => new RejectCommitmentDue(incidentId, c, a, p.Item1, p.Item2)),
            participants.Select<IReadOnlyList<string>, Func<Actor, CommandId, IncidentCommand>>(r => (a, c) => new SendCustomerUpdate(incidentId, c, a, r)),
            serviceLevel.Select<ServiceLevelKind, Func<Actor, CommandId, IncidentCommand>>(k => (a, c) => new RecordServiceLevelWarning(incidentId, c, a, k)),
            serviceLevel.Select<ServiceLevelKind, Func<Actor, CommandId, IncidentCommand>>(k => (a, c) => new RecordServiceLevelBreach(incidentId, c, a, k)),
        };
        return from make in Gen.OneOf(kinds)
               from actor in Actors()
               from id in CommandIds()
               select make(actor, id);
    }

    /// <summary>
    /// Sequences of commands for one incident: the happy path from opening to review, with steps dropped, actors
    /// swapped, random commands inserted and earlier commands repeated with their original command id.
    /// </summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="start">The scenario's start.</param>
    /// <returns>The generator.</returns>
    public static Gen<IncidentCommand[]> CommandSequences(IncidentId incidentId, Instant start)
    {
        var script = new IncidentCommands(incidentId, start);
        var path = new IncidentCommand[]
        {
            script.Open(), script.CapturePerspective(), script.SendUpdate(), script.StartAnalysis(), script.ProposePlan("c1", "c2"), script.ApprovePlan(),
            script.StartExecution(), script.Commit("k1", 6), script.MeetCriterion("c1"), script.MeetCriterion("c2"), script.Deliver("k1"),
            script.SendUpdate(), script.ProposeResolution(), script.Confirm(), script.Close(), script.ReturnToSop(), script.CompleteReview(),
        };
        var n = path.Length;
        return from mutations in Gen.ArrayOf(Gen.Choose(0, 99), n)
               from noise in Gen.ArrayOf(Commands(incidentId, start), n)
               from actors in Gen.ArrayOf(Actors(), n)
               from repeats in Gen.ArrayOf(Gen.Choose(0, 999), n)
               from ids in Gen.ArrayOf(CommandIds(), n)
               select Compose(path, mutations, noise, actors, repeats, ids);
    }

    private static IncidentCommand[] Compose(IncidentCommand[] path, int[] mutations, IncidentCommand[] noise, Actor[] actors, int[] repeats, CommandId[] ids)
    {
        var sequence = new List<IncidentCommand>(path.Length * 2);
        for (var i = 0; i < path.Length; i++)
        {
            var m = mutations[i];
            if (m >= 8)
            {
                var step = path[i] with { CommandId = ids[i] };
                sequence.Add(m < 14 ? step with { Actor = actors[i] } : step);
            }

            if (m >= 70)
            {
                sequence.Add(noise[i]);
            }

            if (repeats[i] < 150 && sequence.Count > 0)
            {
                sequence.Add(sequence[repeats[i] % sequence.Count]);
            }
        }

        return sequence.ToArray();
    }
}
