using System;
using NodaTime;

namespace CustomerAdvocacy.Orleans.Grains;

/// <summary>
/// Turns the next due instant into an Orleans reminder's due time and period. Orleans reminders have no minimum due
/// time but a minimum period (<c>ReminderOptions.MinimumReminderPeriod</c>) and cannot wait longer than a timer can;
/// so an item due sooner than the minimum period is armed for its exact instant (the period only retries a failed
/// tick), an item due in the past fires at once, and one further away than the maximum delay is approached in hops.
/// </summary>
internal static class ReminderSchedule
{
    internal static (TimeSpan DueTime, TimeSpan Period) For(Instant due, Instant now, TimeSpan retryPeriod, TimeSpan minimumPeriod, TimeSpan maximumDelay)
    {
        var wait = due - now;
        TimeSpan dueTime;
        if (wait <= Duration.Zero)
        {
            dueTime = TimeSpan.Zero;
        }
        else if (wait >= Duration.FromTimeSpan(maximumDelay))
        {
            dueTime = maximumDelay;
        }
        else
        {
            // Rounded up: a tick a fraction of a millisecond early would find nothing due and re-arm for the remainder.
            dueTime = TimeSpan.FromTicks(wait.BclCompatibleTicks + (wait.SubsecondNanoseconds % 100 == 0 ? 0 : 1));
        }

        var period = retryPeriod < minimumPeriod ? minimumPeriod : retryPeriod;
        return (dueTime, period);
    }
}
