using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>An owner's open commitment, as the <see cref="DueDateProposer"/> sees it: the work left and when it is due.</summary>
public sealed class OpenCommitment
{
    /// <summary>Creates an open commitment.</summary>
    /// <param name="id">Identifies the commitment in explanations; not empty.</param>
    /// <param name="remainingEffort">The owner's business time the commitment still needs; not negative.</param>
    /// <param name="due">When the commitment is due.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="remainingEffort"/> is negative.</exception>
    public OpenCommitment(string id, Duration remainingEffort, Instant due)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        RemainingEffort = Preconditions.CheckNonNegative(remainingEffort);
        Due = due;
    }

    /// <summary>Identifies the commitment.</summary>
    public string Id { get; }

    /// <summary>The owner's business time the commitment still needs.</summary>
    public Duration RemainingEffort { get; }

    /// <summary>When the commitment is due.</summary>
    public Instant Due { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {SlaFormat.Duration(RemainingEffort)} left, due {Due}";
}

/// <summary>Where an open commitment falls in the owner's queue when a due date is proposed.</summary>
public sealed class QueuedCommitment
{
    internal QueuedCommitment(OpenCommitment commitment, Instant startsAt, Instant completesAt)
    {
        Commitment = commitment;
        StartsAt = startsAt;
        CompletesAt = completesAt;
    }

    /// <summary>The commitment.</summary>
    public OpenCommitment Commitment { get; }

    /// <summary>When the owner would start on it, working the queue in due order.</summary>
    public Instant StartsAt { get; }

    /// <summary>When the owner would finish it.</summary>
    public Instant CompletesAt { get; }

    /// <summary>True when it would be finished at or before its due instant.</summary>
    public bool MeetsDue => CompletesAt <= Commitment.Due;
}

/// <summary>A due date proposed by <see cref="DueDateProposer"/>, with how it was reached.</summary>
public sealed class DueDateProposal
{
    internal DueDateProposal(
        Instant now,
        Instant due,
        Instant workStartsAt,
        Instant workCompletesAt,
        Duration capacityUsed,
        Duration effort,
        Duration buffer,
        IReadOnlyList<QueuedCommitment> queue,
        IReadOnlyList<string> explanation)
    {
        Now = now;
        Due = due;
        WorkStartsAt = workStartsAt;
        WorkCompletesAt = workCompletesAt;
        CapacityUsed = capacityUsed;
        Effort = effort;
        Buffer = buffer;
        Queue = queue;
        Explanation = explanation;
    }

    /// <summary>When the proposal was made.</summary>
    public Instant Now { get; }

    /// <summary>The proposed due instant: the new work's completion plus the buffer, in the owner's business time.</summary>
    public Instant Due { get; }

    /// <summary>When the owner would start the new work: the first open instant once the open commitments are done.</summary>
    public Instant WorkStartsAt { get; }

    /// <summary>When the owner would finish the new work, before the buffer.</summary>
    public Instant WorkCompletesAt { get; }

    /// <summary>The owner's business time taken by open commitments first.</summary>
    public Duration CapacityUsed { get; }

    /// <summary>The requested effort.</summary>
    public Duration Effort { get; }

    /// <summary>The buffer added after the work.</summary>
    public Duration Buffer { get; }

    /// <summary>The open commitments in the order the owner works them (earliest due first).</summary>
    public IReadOnlyList<QueuedCommitment> Queue { get; }

    /// <summary>How the proposal was reached, one line per step, with ids, instants and durations only.</summary>
    public IReadOnlyList<string> Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => $"due {Due} (capacity used {CapacityUsed}, effort {Effort}, buffer {Buffer})";
}

/// <summary>
/// Proposes a due instant for a new commitment when the customer names none: the owner's business time is taken by
/// their open commitments first, earliest due first; the new work starts at the first open instant after that, takes
/// its effort in business time, and the buffer (business time too) is added. Deterministic: the same inputs give the
/// same proposal (ties in due instant are ordered by id, ordinally).
/// </summary>
public sealed class DueDateProposer
{
    private readonly IClock _clock;

    /// <summary>Creates a proposer for an owner.</summary>
    /// <param name="ownerCalendar">The owner's business calendar.</param>
    /// <param name="clock">Where "now" comes from.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DueDateProposer(BusinessCalendar ownerCalendar, IClock clock)
    {
        OwnerCalendar = Preconditions.CheckNotNull(ownerCalendar);
        _clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>The owner's business calendar.</summary>
    public BusinessCalendar OwnerCalendar { get; }

    /// <summary>Proposes a due instant now (per the clock); see <see cref="Propose(Instant, IEnumerable{OpenCommitment}, Duration, Duration)"/>.</summary>
    public DueDateProposal Propose(IEnumerable<OpenCommitment> openCommitments, Duration effort, Duration buffer)
        => Propose(_clock.GetCurrentInstant(), openCommitments, effort, buffer);

    /// <summary>Proposes a due instant for new work of <paramref name="effort"/> requested at <paramref name="now"/>.</summary>
    /// <param name="now">When the request is made.</param>
    /// <param name="openCommitments">The owner's open commitments; each id at most once.</param>
    /// <param name="effort">The business time the new work needs; not negative.</param>
    /// <param name="buffer">The business time added after the work; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effort"/> or <paramref name="buffer"/> is negative,
    /// <paramref name="now"/> is outside <see cref="BusinessCalendar.SupportedInterval"/>, or the calendar has not that
    /// much business time after it.</exception>
    /// <exception cref="ArgumentException"><paramref name="openCommitments"/> has a null entry or an id twice.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="openCommitments"/> is null.</exception>
    public DueDateProposal Propose(Instant now, IEnumerable<OpenCommitment> openCommitments, Duration effort, Duration buffer)
    {
        Preconditions.CheckSupported(now);
        Preconditions.CheckNonNegative(effort);
        Preconditions.CheckNonNegative(buffer);
        var commitments = Preconditions.CheckNotNull(openCommitments).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commitments.Count; i++)
        {
            if (commitments[i] is null)
            {
                throw new ArgumentException($"openCommitments[{i}] is null.", nameof(openCommitments));
            }

            if (!ids.Add(commitments[i].Id))
            {
                throw new ArgumentException($"openCommitments[{i}]: the id '{commitments[i].Id}' is listed more than once.", nameof(openCommitments));
            }
        }

        var calendar = OwnerCalendar;
        var explanation = new List<string> { $"Requested at {Format(now)} in the owner's calendar ({calendar.Zone.Id})." };
        var queue = new List<QueuedCommitment>(commitments.Count);
        var cursor = now;
        var capacityUsed = Duration.Zero;
        foreach (var commitment in commitments.OrderBy(c => c.Due).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var startsAt = calendar.Add(cursor, Duration.Zero);
            var completesAt = commitment.RemainingEffort > Duration.Zero ? calendar.Add(cursor, commitment.RemainingEffort) : startsAt;
            var queued = new QueuedCommitment(commitment, startsAt, completesAt);
            queue.Add(queued);
            explanation.Add(
                $"Open commitment {commitment.Id}, due {Format(commitment.Due)}: {SlaFormat.Duration(commitment.RemainingEffort)} from {Format(startsAt)} to {Format(completesAt)}"
                + (queued.MeetsDue ? "." : ", after its due instant."));
            if (commitment.RemainingEffort > Duration.Zero)
            {
                cursor = completesAt;
                capacityUsed += commitment.RemainingEffort;
            }
        }

        explanation.Add($"Capacity used by {queue.Count} open commitment(s): {SlaFormat.Duration(capacityUsed)}.");
        var workStartsAt = calendar.Add(cursor, Duration.Zero);
        var workCompletesAt = effort > Duration.Zero ? calendar.Add(cursor, effort) : workStartsAt;
        explanation.Add($"Requested effort {SlaFormat.Duration(effort)}: from {Format(workStartsAt)} to {Format(workCompletesAt)}.");
        var due = buffer > Duration.Zero ? calendar.Add(workCompletesAt, buffer) : workCompletesAt;
        explanation.Add($"Buffer {SlaFormat.Duration(buffer)}: proposed due {Format(due)}.");
        return new DueDateProposal(now, due, workStartsAt, workCompletesAt, capacityUsed, effort, buffer, queue.AsReadOnly(), explanation.AsReadOnly());
    }

    private string Format(Instant instant) => SlaFormat.Instant(instant, OwnerCalendar.Zone);
}
