using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Escalation;

/// <summary>
/// One rung of an <see cref="EscalationLadder"/>: a level, who is told there, and how long it may stay
/// unacknowledged before the escalation rises, counted in the rung's own calendar.
/// </summary>
public sealed class EscalationRung
{
    internal EscalationRung(EscalationLevel level, IReadOnlyList<EscalationTarget> targets, Duration timeOut, BusinessCalendar calendar)
    {
        Level = level;
        Targets = targets;
        TimeOut = timeOut;
        Calendar = calendar;
    }

    /// <summary>The level of the rung.</summary>
    public EscalationLevel Level { get; }

    /// <summary>Who is told when the escalation reaches the rung; at least one.</summary>
    public IReadOnlyList<EscalationTarget> Targets { get; }

    /// <summary>How long the rung may stay unacknowledged, in <see cref="Calendar"/> time.</summary>
    public Duration TimeOut { get; }

    /// <summary>
    /// The calendar <see cref="TimeOut"/> is counted in: the customer's business calendar, or
    /// <see cref="BusinessCalendar.AroundTheClock"/> for a 24x7 rung.
    /// </summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>When the rung times out if it is reached at <paramref name="reachedAt"/> and nobody acknowledges it.</summary>
    /// <param name="reachedAt">When the escalation reached the rung.</param>
    /// <returns><see cref="TimeOut"/> of business time after <paramref name="reachedAt"/> in <see cref="Calendar"/>.</returns>
    public Instant TimeOutAfter(Instant reachedAt) => Calendar.Add(reachedAt, TimeOut);

    /// <inheritdoc />
    public override string ToString() => $"{Level}: {string.Join(", ", Targets)} within {SlaFormat.Duration(TimeOut)} in {Calendar}";
}

/// <summary>
/// A validated escalation ladder: rungs from the lowest level up, each with its targets and time-out, and how many
/// times the top rung is repeated before the escalation is exhausted. Immutable; build it with
/// <see cref="EscalationLadderBuilder"/>.
/// </summary>
/// <remarks>
/// Rungs rise one level at a time (frontline service, service management, senior management, executive) unless the
/// ladder was built with <see cref="EscalationLadderBuilder.AllowSkippingLevels"/>; then a rung may be higher than the
/// next level up (a 24x7 critical ladder that pages senior management straight after frontline, say). The levels always
/// strictly rise.
/// </remarks>
public sealed class EscalationLadder
{
    internal EscalationLadder(string name, IReadOnlyList<EscalationRung> rungs, int repeatsAtTop, bool allowsSkippedLevels)
    {
        Name = name;
        Rungs = rungs;
        RepeatsAtTop = repeatsAtTop;
        AllowsSkippedLevels = allowsSkippedLevels;
    }

    /// <summary>The ladder's name, for messages and documentation.</summary>
    public string Name { get; }

    /// <summary>The rungs, lowest level first; at least one.</summary>
    public IReadOnlyList<EscalationRung> Rungs { get; }

    /// <summary>
    /// How many more times the top rung is notified (and its time-out counted again) after it first times out
    /// unacknowledged; zero means the escalation is exhausted at the first time-out of the top rung.
    /// </summary>
    public int RepeatsAtTop { get; }

    /// <summary>Whether consecutive rungs may be more than one level apart.</summary>
    public bool AllowsSkippedLevels { get; }

    /// <summary>The index of the top rung.</summary>
    public int TopIndex => Rungs.Count - 1;

    /// <summary>
    /// Where an unacknowledged escalation goes when the rung at <paramref name="rungIndex"/> times out after
    /// <paramref name="repeatsDone"/> repeats of the top rung: the next rung up, the top rung again (a repeat), or
    /// nowhere (exhausted).
    /// </summary>
    /// <param name="rungIndex">The current rung.</param>
    /// <param name="repeatsDone">How many repeats of the top rung have been done.</param>
    /// <returns>The next rung's index, or <see langword="null"/> when the escalation is exhausted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rungIndex"/> is not a rung, or
    /// <paramref name="repeatsDone"/> is negative.</exception>
    public int? NextRungAfterTimeOut(int rungIndex, int repeatsDone)
    {
        if (rungIndex < 0 || rungIndex > TopIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(rungIndex), rungIndex, $"The ladder has rungs 0 to {TopIndex}.");
        }

        Preconditions.CheckNonNegative(repeatsDone);
        if (rungIndex < TopIndex)
        {
            return rungIndex + 1;
        }

        return repeatsDone < RepeatsAtTop ? TopIndex : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"escalation ladder '{Name}' ({string.Join(" → ", Rungs.Select(r => r.Level))})";
}

/// <summary>Builds an <see cref="EscalationLadder"/>; <see cref="Build"/> validates everything at once.</summary>
public sealed class EscalationLadderBuilder
{
    private readonly string _name;
    private readonly List<(EscalationLevel Level, EscalationTarget?[]? Targets, Duration TimeOut, BusinessCalendar? Calendar)> _rungs = new();
    private int _repeatsAtTop;
    private bool _allowSkips;

    /// <summary>Starts a ladder.</summary>
    /// <param name="name">The ladder's name.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public EscalationLadderBuilder(string name) => _name = Preconditions.CheckNotNullOrWhiteSpace(name);

    /// <summary>Adds the next rung up. Problems are reported by <see cref="Build"/>, all together.</summary>
    /// <param name="level">The rung's level; higher than the previous rung's.</param>
    /// <param name="timeOut">How long it may stay unacknowledged; positive.</param>
    /// <param name="calendar">The calendar the time-out counts in (<see cref="BusinessCalendar.AroundTheClock"/> for 24x7).</param>
    /// <param name="targets">Who is told; at least one, no id twice.</param>
    /// <returns>This builder.</returns>
    public EscalationLadderBuilder AddRung(EscalationLevel level, Duration timeOut, BusinessCalendar calendar, params EscalationTarget[] targets)
    {
        _rungs.Add((level, targets, timeOut, calendar));
        return this;
    }

    /// <summary>Repeats the top rung this many times after it first times out unacknowledged (default zero).</summary>
    /// <param name="times">The number of repeats; not negative (reported by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public EscalationLadderBuilder RepeatAtTop(int times)
    {
        _repeatsAtTop = times;
        return this;
    }

    /// <summary>Lets consecutive rungs be more than one level apart, and the first rung be above frontline service.</summary>
    /// <returns>This builder.</returns>
    public EscalationLadderBuilder AllowSkippingLevels()
    {
        _allowSkips = true;
        return this;
    }

    /// <summary>Validates the ladder and builds it.</summary>
    /// <returns>The ladder.</returns>
    /// <exception cref="DefinitionValidationException">Every problem found: no rung, a level that does not rise or
    /// skips one (unless allowed), a rung without targets or with a target twice, a time-out that is not positive, a
    /// missing calendar, a negative repeat count, or a ladder that does not end at the executive.</exception>
    public EscalationLadder Build()
    {
        var problems = new List<ValidationProblem>();
        if (_rungs.Count == 0)
        {
            problems.Add(new ValidationProblem("rungs", "A ladder needs at least one rung."));
        }

        if (_repeatsAtTop < 0)
        {
            problems.Add(new ValidationProblem("repeatsAtTop", $"The number of repeats ({_repeatsAtTop}) must not be negative."));
        }

        var rungs = new List<EscalationRung>(_rungs.Count);
        for (var i = 0; i < _rungs.Count; i++)
        {
            var (level, targets, timeOut, calendar) = _rungs[i];
            var path = $"rungs[{i}]";
            if (!Enum.IsDefined(typeof(EscalationLevel), level))
            {
                problems.Add(new ValidationProblem(path + ".level", $"{(int)level} is not an escalation level."));
            }

            var expected = i == 0 ? EscalationLevel.FrontlineService : _rungs[i - 1].Level + 1;
            if (i > 0 && level <= _rungs[i - 1].Level)
            {
                problems.Add(new ValidationProblem(path + ".level", $"{level} does not rise above the rung below ({_rungs[i - 1].Level})."));
            }
            else if (!_allowSkips && level != expected)
            {
                problems.Add(new ValidationProblem(path + ".level", $"{level} skips a level (expected {expected}); call AllowSkippingLevels() to allow it."));
            }

            if (timeOut <= Duration.Zero)
            {
                problems.Add(new ValidationProblem(path + ".timeOut", "The time-out must be positive."));
            }

            if (calendar is null)
            {
                problems.Add(new ValidationProblem(path + ".calendar", "A rung needs the calendar its time-out counts in (AroundTheClock for 24x7)."));
            }

            var list = (targets ?? Array.Empty<EscalationTarget?>()).ToArray();
            if (list.Length == 0)
            {
                problems.Add(new ValidationProblem(path + ".targets", "A rung needs at least one person or on-call group to tell."));
            }

            if (list.Any(t => t is null))
            {
                problems.Add(new ValidationProblem(path + ".targets", "A target is null."));
            }

            var duplicate = list.OfType<EscalationTarget>().GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                problems.Add(new ValidationProblem(path + ".targets", $"The target '{duplicate.Key}' is listed twice."));
            }

            if (calendar is not null)
            {
                rungs.Add(new EscalationRung(level, list.OfType<EscalationTarget>().ToArray(), timeOut, calendar));
            }
        }

        if (_rungs.Count > 0 && _rungs[_rungs.Count - 1].Level != EscalationLevel.Executive)
        {
            problems.Add(new ValidationProblem("rungs", $"The top rung is {_rungs[_rungs.Count - 1].Level}; a ladder ends at the executive."));
        }

        if (problems.Count > 0)
        {
            throw new DefinitionValidationException($"escalation ladder '{_name}'", problems);
        }

        return new EscalationLadder(_name, rungs.AsReadOnly(), _repeatsAtTop, _allowSkips);
    }
}
