using CustomerAdvocacy.Review;
using CustomerAdvocacy.Tests.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerAdvocacy.Tests.Review;

public sealed class ReviewDueProperties
{
    /// <summary>
    /// The due instant is open in the customer's calendar, falls on or after the N-th business day after the closure's
    /// local date, and when it falls later (the calendar is closed from that day's closure time on, by its hours or a
    /// break), nothing was open between the start of the following day and the due instant.
    /// </summary>
    [ConfiguredProperty]
    public Property DueAt_IsABusinessInstantNBusinessDaysAfterClosure()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), Arb.From(Gen.Choose(1, 15)), (s, n) =>
        {
            var calendar = s.Calendar;
            var due = ReviewDecider.DueAt(s.Start, new ReviewPolicy(n, 3, 1m), calendar);
            var nthBusinessDay = s.Start.InZone(calendar.Zone).Date;
            for (var found = 0; found < n;)
            {
                nthBusinessDay = nthBusinessDay.PlusDays(1);
                found += calendar.IsBusinessDay(nthBusinessDay) ? 1 : 0;
            }

            var dueDate = due.InZone(calendar.Zone).Date;
            var nothingOpenSkipped = dueDate == nthBusinessDay
                || calendar.BusinessTimeBetween(nthBusinessDay.PlusDays(1).AtStartOfDayInZone(calendar.Zone).ToInstant(), due) == Duration.Zero;
            return (calendar.IsOpen(due) && due > s.Start && dueDate >= nthBusinessDay && nothingOpenSkipped)
                .Label($"n={n} due={due} local={due.InZone(calendar.Zone)} n-th business day={nthBusinessDay}");
        });
}
