using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Scheduling;

/// <summary>Invariant renderings of durations and instants for explanations, so they read the same everywhere.</summary>
internal static class SlaFormat
{
    private static readonly DurationPattern DurationPattern = DurationPattern.CreateWithInvariantCulture("-H:mm:ss");
    private static readonly InstantPattern InstantPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd HH:mm:ss o<g>", null);

    internal static string Duration(Duration duration) => DurationPattern.Format(duration);

    /// <summary>The instant in UTC, then as local time in <paramref name="zone"/> (with its offset, as an overlap needs).</summary>
    internal static string Instant(Instant instant, DateTimeZone zone)
        => InstantPattern.Format(instant) + " (" + LocalPattern.Format(instant.InZone(zone)) + " " + zone.Id + ")";

    internal static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
