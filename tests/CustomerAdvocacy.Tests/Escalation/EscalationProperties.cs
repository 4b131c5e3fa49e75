using System;
using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using NodaTime;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Escalation;

public sealed class EscalationProperties
{
    private static readonly IncidentRole[] Roles = Enum.GetValues(typeof(IncidentRole)).Cast<IncidentRole>().ToArray();
    private static readonly EscalationTriggerKind[] Kinds = Enum.GetValues(typeof(EscalationTriggerKind)).Cast<EscalationTriggerKind>().ToArray();

    /// <summary>
    /// Random ladders (some with skipped levels), random command sequences: every rise goes exactly one rung up (one
    /// level up unless the ladder allows skips), the top is only ever repeated, at most <see cref="EscalationLadder.RepeatsAtTop"/>
    /// times, and exhaustion comes only after the last repeat.
    /// </summary>
    [ConfiguredProperty]
    public bool Rises_NeverSkipOrPassTheTop(int ladderSeed, int[] steps)
    {
        var random = new Random(ladderSeed);
        var ladder = RandomLadder(random);
        var decider = new EscalationDecider();
        var status = EscalationStatus.Initial(IncidentId.New());
        var now = SpreadOver2026(ladderSeed);
        foreach (var step in steps ?? [])
        {
            var command = RandomCommand(status, step, random);
            now = command is RecordEscalationTimeOut && status.TimeOutAt is { } due && due > now ? due : now + Duration.FromMinutes((uint)step % 90);
            if (decider.Decide(status, ladder, command, now) is not EscalationAccepted accepted)
            {
                continue;
            }

            foreach (var e in accepted.Events)
            {
                if (e is EscalationRose rose && !RiseIsLegal(ladder, status, rose))
                {
                    return false;
                }

                if (e is EscalationExhausted && (status.Rung != ladder.TopIndex || status.RepeatsDone != ladder.RepeatsAtTop))
                {
                    return false;
                }

                if (e is EscalationRaised raised && raised.Rung != (status.Rung ?? 0))
                {
                    return false;
                }

                status = EscalationEvolver.Evolve(status, e);
            }
        }

        return true;
    }

    /// <summary>Every time-out is the rung's time-out of business time in that rung's own calendar, after it was reached.</summary>
    [ConfiguredProperty]
    public bool TimeOuts_CountedInTheRungsCalendar(int seed, int start, byte rises)
    {
        var random = new Random(seed);
        var ladder = RandomLadder(random);
        var decider = new EscalationDecider();
        var id = IncidentId.New();
        var now = SpreadOver2026(start);
        var accepted = (EscalationAccepted)decider.Decide(EscalationStatus.Initial(id), ladder, new RaiseEscalation(id, CommandId.New(), new Actor("c", IncidentRole.CustomerContact), EscalationTriggerKind.CustomerRequest, "asked"), now);
        var status = EscalationEvolver.Evolve(EscalationStatus.Initial(id), accepted.Events[0]);
        if (!Matches(ladder.Rungs[0], now, status.TimeOutAt!.Value))
        {
            return false;
        }

        for (var i = 0; i < rises % 8 && status.Phase == EscalationPhase.Escalating; i++)
        {
            var reachedAt = status.TimeOutAt!.Value;
            var decision = (EscalationAccepted)decider.Decide(status, ladder, new RecordEscalationTimeOut(id, CommandId.New(), new Actor("s", IncidentRole.ServiceManager)), reachedAt + Duration.FromMinutes(i));
            status = EscalationEvolver.Evolve(status, decision.Events[0]);
            if (decision.Events[0] is EscalationRose rose && !Matches(ladder.Rungs[rose.ToRung], reachedAt, rose.TimeOutAt))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(EscalationRung rung, Instant reachedAt, Instant timeOutAt)
        => timeOutAt == rung.Calendar.Add(reachedAt, rung.TimeOut)
            && rung.Calendar.BusinessTimeBetween(reachedAt, timeOutAt) == rung.TimeOut;

    private static bool RiseIsLegal(EscalationLadder ladder, EscalationStatus before, EscalationRose rose)
    {
        var from = before.Rung!.Value;
        if (rose.FromRung != from)
        {
            return false;
        }

        if (from < ladder.TopIndex)
        {
            var gap = ladder.Rungs[rose.ToRung].Level - ladder.Rungs[from].Level;
            return rose.ToRung == from + 1 && rose.Repeat == 0 && (gap == 1 || (ladder.AllowsSkippedLevels && gap > 1));
        }

        return rose.ToRung == ladder.TopIndex && rose.Repeat == before.RepeatsDone + 1 && rose.Repeat <= ladder.RepeatsAtTop;
    }

    private static EscalationLadder RandomLadder(Random random)
    {
        var skips = random.Next(3) == 0;
        var levels = skips
            ? new[] { EscalationLevel.FrontlineService, EscalationLevel.ServiceManagement, EscalationLevel.SeniorManagement }.Where(_ => random.Next(2) == 0).Append(EscalationLevel.Executive).ToArray()
            : new[] { EscalationLevel.FrontlineService, EscalationLevel.ServiceManagement, EscalationLevel.SeniorManagement, EscalationLevel.Executive };
        var builder = new EscalationLadderBuilder("random").RepeatAtTop(random.Next(4));
        if (skips)
        {
            builder.AllowSkippingLevels();
        }

        foreach (var level in levels)
        {
            builder.AddRung(level, Duration.FromMinutes(random.Next(1, 600)), Pick(random.Next()), EscalationTarget.Person("p" + (int)level));
        }

        return builder.Build();
    }

    private static EscalationCommand RandomCommand(EscalationStatus status, int step, Random random)
    {
        var id = status.IncidentId;
        var actor = new Actor("a", Roles[random.Next(Roles.Length)]);
        return ((uint)step % 5) switch
        {
            0 => new RaiseEscalation(id, CommandId.New(), actor, Kinds[random.Next(Kinds.Length)], "why"),
            1 => new AcknowledgeEscalation(id, CommandId.New(), actor),
            2 => new ClearEscalationTrigger(id, CommandId.New(), actor, status.ActiveTriggers.Count > 0 && random.Next(4) > 0 ? status.ActiveTriggers[random.Next(status.ActiveTriggers.Count)] : Kinds[random.Next(Kinds.Length)]),
            _ => new RecordEscalationTimeOut(id, CommandId.New(), actor),
        };
    }
}
