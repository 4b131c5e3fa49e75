using System;
using CustomerAdvocacy.Orleans.Grains;
using NodaTime;

namespace CustomerAdvocacy.Orleans.Tests.Grains;

public sealed class ReminderScheduleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 10, 25, 0, 30);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Fact]
    public void For_DueSoonerThanTheMinimumPeriod_ArmsTheExactInstant()
    {
        var (dueTime, period) = ReminderSchedule.For(Now + Duration.FromMilliseconds(1500), Now, Minute, Minute, Month);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), dueTime);
        Assert.Equal(Minute, period);
    }

    [Fact]
    public void For_DueInThePast_FiresAtOnce()
        => Assert.Equal(TimeSpan.Zero, ReminderSchedule.For(Now - Duration.FromDays(3), Now, Minute, Minute, Month).DueTime);

    [Fact]
    public void For_DueNow_FiresAtOnce()
        => Assert.Equal(TimeSpan.Zero, ReminderSchedule.For(Now, Now, Minute, Minute, Month).DueTime);

    [Fact]
    public void For_DueBeyondTheMaximumDelay_HopsByTheMaximum()
    {
        Assert.Equal(Month, ReminderSchedule.For(Now + Duration.FromDays(400), Now, Minute, Minute, Month).DueTime);
        Assert.Equal(Month, ReminderSchedule.For(Instant.MaxValue, Now, Minute, Minute, Month).DueTime);
    }

    [Fact]
    public void For_SubTickRemainder_RoundsUpSoTheTickIsNeverEarly()
    {
        var (dueTime, _) = ReminderSchedule.For(Now + Duration.FromNanoseconds(1_000_050), Now, Minute, Minute, Month);
        Assert.Equal(TimeSpan.FromTicks(10_001), dueTime);
    }

    [Fact]
    public void For_RetryShorterThanTheSiloMinimum_UsesTheMinimum()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), ReminderSchedule.For(Now, Now, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), Month).Period);
        Assert.Equal(TimeSpan.FromMinutes(5), ReminderSchedule.For(Now, Now, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2), Month).Period);
    }
}
