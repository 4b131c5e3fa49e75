using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Blacks out one explicit local date-time range <c>[Start, End)</c>: a change freeze, an audit, the customer's
/// product launch.
/// </summary>
public sealed class LocalRangeBlackout : BlackoutRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="name">What the blackout is called.</param>
    /// <param name="start">When the blackout starts, in local time.</param>
    /// <param name="end">When the blackout ends (exclusive), in local time; after <paramref name="start"/>.</param>
    /// <param name="reason">Why nothing may be scheduled then, if worth saying.</param>
    /// <exception cref="DefinitionValidationException">One or more arguments are invalid; all are listed.</exception>
    public LocalRangeBlackout(string name, LocalDateTime start, LocalDateTime end, string? reason = null)
        : base(Checked(name, start, end), reason)
    {
        Start = start;
        End = end;
    }

    /// <summary>When the blackout starts, in local time.</summary>
    public LocalDateTime Start { get; }

    /// <summary>When the blackout ends (exclusive), in local time.</summary>
    public LocalDateTime End { get; }

    /// <inheritdoc />
    protected override IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone)
    {
        yield return new Interval(ResolveLocal(Start, zone), ResolveLocal(End, zone));
    }

    /// <inheritdoc />
    public override string ToString() => $"{base.ToString()}: {Start:uuuu-MM-dd'T'HH:mm} to {End:uuuu-MM-dd'T'HH:mm}";

    internal static void Validate(string? name, LocalDateTime start, LocalDateTime end, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new ValidationProblem(path, "A blackout needs a name."));
        }

        if (end <= start)
        {
            problems.Add(new ValidationProblem(path, $"The blackout ends ({end:uuuu-MM-dd'T'HH:mm}) at or before it starts ({start:uuuu-MM-dd'T'HH:mm})."));
        }
    }

    private static string Checked(string name, LocalDateTime start, LocalDateTime end)
    {
        var problems = new List<ValidationProblem>();
        Validate(name, start, end, "rule", problems);
        return problems.Count == 0 ? name : throw new DefinitionValidationException($"blackout rule '{name}'", problems);
    }
}
