using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CustomerAdvocacy.Cli;

/// <summary>Reads instants and durations from the command line, and writes instants in a customer's zone.</summary>
internal static class TimeText
{
    private static readonly LocalDateTimePattern[] LocalPatterns =
    {
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    };

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    {
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<G>"),
        OffsetDateTimePattern.ExtendedIso,
    };

    /// <summary>
    /// An instant given with a UTC offset or <c>Z</c> (<c>2026-12-24T16:00Z</c>), or as a local date and time in
    /// <paramref name="zone"/> (<c>2026-12-24T16:00</c>; a time in a DST gap moves forward, one in an overlap takes the earlier instant).
    /// </summary>
    internal static Instant ParseInstant(string text, DateTimeZone zone, string optionName)
    {
        foreach (var pattern in OffsetPatterns)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                return parsed.Value.ToInstant();
            }
        }

        foreach (var pattern in LocalPatterns)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                return zone.ResolveLocal(parsed.Value, Resolvers.LenientResolver).ToInstant();
            }
        }

        throw new UserErrorException($"{optionName}: '{text}' is not a date and time; write 2026-12-24T16:00 (in the calendar's zone) or 2026-12-24T16:00Z.");
    }

    /// <summary>An ISO 8601 duration of days, hours and minutes: <c>PT4H</c>, <c>PT90M</c>, <c>P2DT1H</c> (a day is 24 hours).</summary>
    internal static Duration ParseDuration(string text, string optionName)
    {
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (!parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
        {
            throw new UserErrorException($"{optionName}: '{text}' is not a duration; write an ISO 8601 duration such as PT4H, PT90M or P2DT1H.");
        }

        var duration = parsed.Value.ToDuration();
        if (duration < Duration.Zero)
        {
            throw new UserErrorException($"{optionName}: the duration must not be negative (was {text}).");
        }

        return duration;
    }

    /// <summary>An instant in the zone: <c>2026-12-28 Mon 11:30 Europe/London (+00)</c>.</summary>
    internal static string InZone(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return local.LocalDateTime.ToString("uuuu'-'MM'-'dd ddd HH':'mm", CultureInfo.InvariantCulture)
            + " " + zone.Id + " (" + local.Offset.ToString("m", CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>An instant in the zone, short, for a table whose title names the zone: <c>Mon 2026-12-28 11:30 (+00)</c>.</summary>
    internal static string Short(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return local.LocalDateTime.ToString("ddd uuuu'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture)
            + " (" + local.Offset.ToString("m", CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>A duration as hours and minutes: <c>7h30m</c>, <c>52h</c>.</summary>
    internal static string Hours(Duration duration)
    {
        var minutes = (long)duration.TotalMinutes;
        var text = $"{minutes / 60}h";
        return minutes % 60 == 0 ? text : text + $"{minutes % 60:00}m";
    }
}
