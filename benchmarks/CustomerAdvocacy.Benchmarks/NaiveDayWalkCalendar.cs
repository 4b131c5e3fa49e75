using System.Collections.Generic;
using NodaTime;
using NodaTime.TimeZones;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The obvious business calendar, kept as the benchmarks' baseline: for every query it walks local days one by one and
/// resolves each day's intervals to instants again. Weekly hours and holidays only, same semantics as the library's
/// <see cref="Scheduling.BusinessCalendar"/> for such a calendar (boundaries in a gap move forward, in an overlap take
/// the earlier instant). It allocates nothing per call, so the comparison is about the algorithm.
/// </summary>
public sealed class NaiveDayWalkCalendar
{
    private readonly DateTimeZone _zone;
    private readonly (LocalTime Start, LocalTime End)[][] _weekly;
    private readonly HashSet<LocalDate> _holidays;

    public NaiveDayWalkCalendar(DateTimeZone zone, (LocalTime Start, LocalTime End)[][] weekly, IEnumerable<LocalDate> holidays)
    {
        _zone = zone;
        _weekly = weekly;
        _holidays = new HashSet<LocalDate>(holidays);
    }

    public bool IsBusinessDay(LocalDate date) => !_holidays.Contains(date) && _weekly[(int)date.DayOfWeek - 1].Length > 0;

    public bool IsOpen(Instant instant)
    {
        var date = instant.InZone(_zone).Date;
        return IsOpenOn(date.PlusDays(-1), instant) || IsOpenOn(date, instant);
    }

    public Instant GetNextOpening(Instant instant)
    {
        for (var date = instant.InZone(_zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            var hours = HoursOn(date);
            for (var i = 0; i < hours.Length; i++)
            {
                var (start, end) = Resolve(date, hours[i]);
                if (end > instant)
                {
                    return start > instant ? start : instant;
                }
            }
        }
    }

    public Instant Add(Instant start, Duration businessTime)
    {
        if (businessTime == Duration.Zero)
        {
            return GetNextOpening(start);
        }

        var remaining = businessTime;
        for (var date = start.InZone(_zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            var hours = HoursOn(date);
            for (var i = 0; i < hours.Length; i++)
            {
                var (from, to) = Resolve(date, hours[i]);
                if (to <= start)
                {
                    continue;
                }

                from = from > start ? from : start;
                var available = to - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }
    }

    public Duration BusinessTimeBetween(Instant start, Instant end)
    {
        var total = Duration.Zero;
        var lastDate = end.InZone(_zone).Date;
        for (var date = start.InZone(_zone).Date.PlusDays(-1); date <= lastDate; date = date.PlusDays(1))
        {
            var hours = HoursOn(date);
            for (var i = 0; i < hours.Length; i++)
            {
                var (from, to) = Resolve(date, hours[i]);
                from = from > start ? from : start;
                to = to < end ? to : end;
                if (from < to)
                {
                    total += to - from;
                }
            }
        }

        return total;
    }

    public Instant AddBusinessDays(Instant start, int days)
    {
        if (days == 0)
        {
            return GetNextOpening(start);
        }

        var local = start.InZone(_zone).LocalDateTime;
        var date = local.Date;
        while (days > 0)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                days--;
            }
        }

        return GetNextOpening(ResolveLocal(date + local.TimeOfDay));
    }

    private bool IsOpenOn(LocalDate date, Instant instant)
    {
        var hours = HoursOn(date);
        for (var i = 0; i < hours.Length; i++)
        {
            var (start, end) = Resolve(date, hours[i]);
            if (start <= instant && instant < end)
            {
                return true;
            }
        }

        return false;
    }

    private (LocalTime Start, LocalTime End)[] HoursOn(LocalDate date)
        => _holidays.Contains(date) ? [] : _weekly[(int)date.DayOfWeek - 1];

    private (Instant Start, Instant End) Resolve(LocalDate date, (LocalTime Start, LocalTime End) hours)
    {
        var endDate = hours.End > hours.Start ? date : date.PlusDays(1);
        return (ResolveLocal(date + hours.Start), ResolveLocal(endDate + hours.End));
    }

    private Instant ResolveLocal(LocalDateTime local) => _zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
}
