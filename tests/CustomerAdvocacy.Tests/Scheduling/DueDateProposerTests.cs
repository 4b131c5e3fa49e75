using System;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class DueDateProposerTests
{
    private static readonly Instant MondayTen = LondonAt(2026, 11, 23, 10);

    private static DueDateProposer Proposer(Instant now) => new(LondonOffice, new FakeClock(now));

    [Fact]
    public void Propose_NoOpenCommitments_EffortThenBufferFromNow()
    {
        var proposal = Proposer(MondayTen).Propose([], Duration.FromHours(3), Duration.FromHours(1));

        Assert.Equal(MondayTen, proposal.WorkStartsAt);
        Assert.Equal(LondonAt(2026, 11, 23, 13), proposal.WorkCompletesAt);
        Assert.Equal(LondonAt(2026, 11, 23, 14), proposal.Due);
        Assert.Equal(Duration.Zero, proposal.CapacityUsed);
    }

    [Fact]
    public void Propose_OpenCommitments_ConsumedEarliestDueFirstThenNewWork()
    {
        var open = new[]
        {
            new OpenCommitment("C-2", Duration.FromHours(4), LondonAt(2026, 11, 25, 17)),
            new OpenCommitment("C-1", Duration.FromHours(2), LondonAt(2026, 11, 24, 17)),
        };

        var proposal = Proposer(MondayTen).Propose(open, Duration.FromHours(2), Duration.FromHours(2));

        Assert.Equal(["C-1", "C-2"], proposal.Queue.Select(q => q.Commitment.Id).ToArray());
        Assert.Equal(LondonAt(2026, 11, 23, 12), proposal.Queue[0].CompletesAt);
        Assert.Equal(LondonAt(2026, 11, 23, 12), proposal.Queue[1].StartsAt);
        Assert.Equal(LondonAt(2026, 11, 23, 16), proposal.Queue[1].CompletesAt);
        Assert.Equal(Duration.FromHours(6), proposal.CapacityUsed);
        Assert.Equal(LondonAt(2026, 11, 23, 16), proposal.WorkStartsAt);
        Assert.Equal(LondonAt(2026, 11, 24, 10), proposal.WorkCompletesAt);
        Assert.Equal(LondonAt(2026, 11, 24, 12), proposal.Due);
    }

    [Fact]
    public void Propose_CapacityEndsAtCloseOfFriday_NewWorkStartsAtNextOpening()
    {
        var friday = LondonAt(2026, 11, 27, 13);
        var open = new[] { new OpenCommitment("C-1", Duration.FromHours(4), LondonAt(2026, 11, 30, 17)) };

        var proposal = Proposer(friday).Propose(open, Duration.FromHours(1), Duration.Zero);

        Assert.Equal(LondonAt(2026, 11, 27, 17), proposal.Queue[0].CompletesAt);
        Assert.Equal(LondonAt(2026, 11, 30, 9), proposal.WorkStartsAt);
        Assert.Equal(LondonAt(2026, 11, 30, 10), proposal.Due);
    }

    [Fact]
    public void Propose_OverdueCommitment_QueuedFirstAndFlagged()
    {
        var open = new[]
        {
            new OpenCommitment("later", Duration.FromHours(1), LondonAt(2026, 11, 30, 17)),
            new OpenCommitment("overdue", Duration.FromHours(1), LondonAt(2026, 11, 20, 17)),
        };

        var proposal = Proposer(MondayTen).Propose(open, Duration.FromHours(1), Duration.Zero);

        Assert.Equal("overdue", proposal.Queue[0].Commitment.Id);
        Assert.False(proposal.Queue[0].MeetsDue);
        Assert.True(proposal.Queue[1].MeetsDue);
        Assert.Contains(proposal.Explanation, line => line.Contains("overdue", StringComparison.Ordinal) && line.EndsWith("after its due instant.", StringComparison.Ordinal));
    }

    [Fact]
    public void Propose_SameDueInstant_OrderedById()
    {
        var due = LondonAt(2026, 11, 24, 17);
        var open = new[] { new OpenCommitment("b", Duration.FromHours(1), due), new OpenCommitment("a", Duration.FromHours(1), due) };

        var proposal = Proposer(MondayTen).Propose(open, Duration.Zero, Duration.Zero);

        Assert.Equal(["a", "b"], proposal.Queue.Select(q => q.Commitment.Id).ToArray());
        Assert.Equal(LondonAt(2026, 11, 23, 12), proposal.Due);
    }

    [Fact]
    public void Propose_AroundTheClockOwner_PlainAddition()
    {
        var now = Instant.FromUtc(2026, 3, 28, 22, 0);
        var proposer = new DueDateProposer(BusinessCalendar.AroundTheClock(London), new FakeClock(now));
        var open = new[] { new OpenCommitment("C-1", Duration.FromHours(3), now) };

        var proposal = proposer.Propose(open, Duration.FromHours(2), Duration.FromMinutes(30));

        Assert.Equal(now + Duration.FromMinutes(330), proposal.Due);
    }

    [Fact]
    public void Propose_UsesInjectedClock()
    {
        var fake = new FakeClock(MondayTen);
        var proposer = new DueDateProposer(LondonOffice, fake);
        fake.AdvanceHours(1);

        var proposal = proposer.Propose([], Duration.FromHours(1), Duration.Zero);

        Assert.Equal(MondayTen + Duration.FromHours(1), proposal.Now);
        Assert.Equal(LondonAt(2026, 11, 23, 12), proposal.Due);
    }

    [Fact]
    public void Propose_Explanation_StatesCapacityEffortAndBuffer()
    {
        var open = new[] { new OpenCommitment("C-7", Duration.FromMinutes(90), LondonAt(2026, 11, 24, 17)) };

        var lines = Proposer(MondayTen).Propose(open, Duration.FromHours(2), Duration.FromMinutes(45)).Explanation;

        Assert.Contains(lines, line => line.StartsWith("Open commitment C-7", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Capacity used by 1 open commitment(s): 1:30:00", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Requested effort 2:00:00", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Buffer 0:45:00", StringComparison.Ordinal) && line.Contains("2026-11-23T14:15:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public void Propose_NegativeEffort_TypedExceptionNamingEffort()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Proposer(MondayTen).Propose([], Duration.FromHours(-1), Duration.Zero));

        Assert.Equal("effort", error.ParamName);
    }

    [Fact]
    public void Propose_NegativeBuffer_TypedExceptionNamingBuffer()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Proposer(MondayTen).Propose([], Duration.Zero, -Duration.Epsilon));

        Assert.Equal("buffer", error.ParamName);
    }

    [Fact]
    public void Propose_DuplicateCommitmentIds_TypedExceptionNamingOpenCommitments()
    {
        var open = new[] { new OpenCommitment("C-1", Duration.FromHours(1), MondayTen), new OpenCommitment("C-1", Duration.FromHours(2), MondayTen) };

        var error = Assert.Throws<ArgumentException>(() => Proposer(MondayTen).Propose(open, Duration.Zero, Duration.Zero));

        Assert.Equal("openCommitments", error.ParamName);
    }

    [Fact]
    public void OpenCommitment_NegativeRemainingEffort_TypedExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OpenCommitment("C-1", Duration.FromMinutes(-5), MondayTen));

        Assert.Equal("remainingEffort", error.ParamName);
    }

    [ConfiguredProperty(Arbitrary = new[] { typeof(ProposerArbitraries) })]
    public bool Propose_Due_NeverBeforeEffortPlusBufferAndMonotonicInEffort(ProposerCase c)
        => ProposalIsBoundedAndMonotonic(Pick(c.Calendar), SpreadOver2026(c.Now), c);

    [ConfiguredProperty(Arbitrary = new[] { typeof(ProposerArbitraries) })]
    public bool Propose_GeneratedCalendarInRandomZone_NeverBeforeEffortPlusBufferAndMonotonicInEffort(GeneratedProposerCase c)
        => ProposalIsBoundedAndMonotonic(c.Scenario.Calendar, c.Scenario.Start, c.Case);

    private static bool ProposalIsBoundedAndMonotonic(BusinessCalendar calendar, Instant now, ProposerCase c)
    {
        var proposer = new DueDateProposer(calendar, new FakeClock(now));
        var open = c.Commitments
            .Select((commitment, i) => new OpenCommitment($"C-{i}", Duration.FromMinutes(commitment.EffortMinutes), now + Duration.FromMinutes(commitment.DueOffsetMinutes)))
            .ToList();
        var effort = Duration.FromMinutes(c.EffortMinutes);
        var buffer = Duration.FromMinutes(c.BufferMinutes);

        var proposal = proposer.Propose(open, effort, buffer);
        var larger = proposer.Propose(open, effort + Duration.FromMinutes(c.ExtraEffortMinutes), buffer);

        return proposal.Due >= calendar.Add(now, effort + buffer)
            && proposal.Due == calendar.Add(now, proposal.CapacityUsed + effort + buffer)
            && larger.Due >= proposal.Due
            && (c.ExtraEffortMinutes == 0 || larger.Due > proposal.Due);
    }

    public sealed record CommitmentCase(int EffortMinutes, int DueOffsetMinutes);

    public sealed record ProposerCase(int Calendar, int Now, CommitmentCase[] Commitments, int EffortMinutes, int ExtraEffortMinutes, int BufferMinutes)
    {
        public override string ToString()
            => $"calendar {Calendar}, now {Now}, commitments [{string.Join(", ", Commitments.Select(x => x.ToString()))}], effort {EffortMinutes} (+{ExtraEffortMinutes}), buffer {BufferMinutes} min";
    }

    public sealed record GeneratedProposerCase(CalendarScenario Scenario, ProposerCase Case)
    {
        public override string ToString() => $"{Scenario}; {Case}";
    }

    public static class ProposerArbitraries
    {
        public static Arbitrary<ProposerCase> ProposerCases() => Arb.From(Cases());

        public static Arbitrary<GeneratedProposerCase> GeneratedProposerCases()
            => Arb.From(
                from scenario in CalendarGenerators.Scenarios()
                from c in Cases()
                select new GeneratedProposerCase(scenario, c));

        private static Gen<ProposerCase> Cases()
        {
            var commitment =
                from effort in Gen.Choose(0, 600)
                from dueOffset in Gen.Choose(-3000, 30000)
                select new CommitmentCase(effort, dueOffset);
            return
                from calendar in Gen.Choose(0, 100)
                from now in Gen.Choose(0, int.MaxValue)
                from count in Gen.Choose(0, 6)
                from commitments in Gen.ArrayOf(commitment, count)
                from effort in Gen.Choose(0, 2000)
                from extra in Gen.Choose(0, 600)
                from buffer in Gen.Choose(0, 600)
                select new ProposerCase(calendar, now, commitments, effort, extra, buffer);
        }
    }
}
