using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class DailyIntervalRoundTripTests
{
    [Theory]
    [InlineData(9, 0, 30, 0, 17, 0, 0, 0)]
    [InlineData(9, 0, 0, 500, 17, 0, 0, 0)]
    [InlineData(22, 0, 0, 0, 6, 15, 45, 0)]
    public void Parse_ToStringOfTimeWithSeconds_GivesSameInterval(int startHour, int startMinute, int startSecond, int startMillisecond, int endHour, int endMinute, int endSecond, int endMillisecond)
    {
        var interval = DailyInterval.Create(
            new LocalTime(startHour, startMinute, startSecond, startMillisecond),
            new LocalTime(endHour, endMinute, endSecond, endMillisecond));

        Assert.Equal(interval, DailyInterval.Parse(interval.ToString()));
    }

    [Theory]
    [InlineData("09:00-17:30")]
    [InlineData("22:00-06:00")]
    [InlineData("00:00-24:00")]
    [InlineData("09:00:30-17:00")]
    public void ToString_OfParsedText_GivesSameText(string text)
        => Assert.Equal(text, DailyInterval.Parse(text).ToString());
}
