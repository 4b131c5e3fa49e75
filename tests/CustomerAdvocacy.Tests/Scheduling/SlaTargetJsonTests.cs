using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class SlaTargetJsonTests
{
    [Fact]
    public void Load_BusinessTimeTarget_ReadsEveryValue()
    {
        var target = SlaTargetJson.Load("""{"duration": "4:00:00", "measure": "businessTime", "warningShare": 0.5}""");
        Assert.Equal(SlaTarget.InBusinessTime(Duration.FromHours(4), 0.5), target);
    }

    [Fact]
    public void Load_WithoutWarningShare_UsesDefault()
    {
        var target = SlaTargetJson.Load("""{"duration": "72:00:00", "measure": "aroundTheClock"}""");
        Assert.Equal(SlaTarget.AroundTheClock(Duration.FromHours(72)), target);
    }

    [Theory]
    [InlineData("PT4H", 4 * 60)]
    [InlineData("PT1H30M", 90)]
    [InlineData("P1D", 24 * 60)]
    [InlineData("0:45", 45)]
    [InlineData("100:00:00", 100 * 60)]
    public void Load_DurationForms_GiveSameLength(string text, int minutes)
        => Assert.Equal(Duration.FromMinutes(minutes), SlaTargetJson.Load($$"""{"duration": "{{text}}", "measure": "businessTime"}""").Duration);

    [Fact]
    public void Save_Target_WritesHoursAndMeasureName()
    {
        var text = SlaTargetJson.Save(SlaTarget.AroundTheClock(Duration.FromMinutes(90), 0.8));
        using var document = JsonDocument.Parse(text);
        Assert.Equal("1:30:00", document.RootElement.GetProperty("duration").GetString());
        Assert.Equal("aroundTheClock", document.RootElement.GetProperty("measure").GetString());
        Assert.Equal(0.8, document.RootElement.GetProperty("warningShare").GetDouble());
    }

    [Fact]
    public void Save_Stream_WritesSameTextAsString()
    {
        var target = SlaTarget.InBusinessTime(Duration.FromHours(8));
        using var stream = new MemoryStream();
        SlaTargetJson.Save(target, stream);
        Assert.Equal(SlaTargetJson.Save(target), Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        Assert.Equal(target, SlaTargetJson.Load(stream));
    }

    [Fact]
    public void Converter_InsidePolicy_RoundTrips()
    {
        var options = new JsonSerializerOptions { Converters = { new SlaTargetJsonConverter() } };
        var policy = new Policy("critical", SlaTarget.AroundTheClock(Duration.FromHours(1)), SlaTarget.AroundTheClock(Duration.FromHours(8), 0.9));

        Assert.Equal(policy, JsonSerializer.Deserialize<Policy>(JsonSerializer.Serialize(policy, options), options));
    }

    [Fact]
    public void Load_EveryProblemAtOnce_ListsEach()
        => AssertProblems("""{"duration": "-1:00:00", "measure": "wallClock", "warningShare": 1.5, "owner": "me"}""", "duration", "measure", "warningShare", "owner");

    [Theory]
    [InlineData("""{"measure": "businessTime"}""", "duration")]
    [InlineData("""{"duration": "four hours", "measure": "businessTime"}""", "duration")]
    [InlineData("""{"duration": "P1M", "measure": "businessTime"}""", "duration")]
    [InlineData("""{"duration": 4, "measure": "businessTime"}""", "duration")]
    [InlineData("""{"duration": "0:00:00", "measure": "businessTime"}""", "duration")]
    [InlineData("""{"duration": "4:00:00"}""", "measure")]
    [InlineData("""{"duration": "4:00:00", "measure": "businessTime", "warningShare": "75%"}""", "warningShare")]
    [InlineData("""{"duration": "4:00:00", "measure": "businessTime", "warningShare": 0}""", "warningShare")]
    [InlineData("""["4:00:00"]""", "$")]
    public void Load_BadValue_ReportsItsPath(string json, string path)
        => AssertProblems(json, path);

    [Fact]
    public void Load_MalformedJson_ReportsLine()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SlaTargetJson.Load("{\n\"duration\": \"4:00:00\",,\n}"));
        Assert.StartsWith("line 2, position ", Assert.Single(error.Problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => SlaTargetJson.Load((string)null!)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => SlaTargetJson.Save(null!)).ParamName);
    }

    [ConfiguredProperty]
    public Property SaveThenLoad_GeneratedTarget_GivesEqualTarget()
        => Prop.ForAll(
            Arb.From(
                from unit in Gen.Elements(1L, 1_000L, 1_000_000_000L, 60_000_000_000L)
                from count in Gen.Choose(1, int.MaxValue)
                from measure in Gen.Elements(SlaMeasure.BusinessTime, SlaMeasure.AroundTheClock)
                from share in Gen.Choose(1, 999_999).Select(n => n / 1_000_000.0)
                let units = Math.Min(count, SlaTarget.MaximumDuration.ToInt64Nanoseconds() / unit)
                select new SlaTarget(Duration.FromNanoseconds(units * unit), measure, share)),
            target => Assert.Equal(target, SlaTargetJson.Load(SlaTargetJson.Save(target))));

    private static void AssertProblems(string json, params string[] expectedPaths)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SlaTargetJson.Load(json));
        Assert.Equal(expectedPaths.OrderBy(p => p, StringComparer.Ordinal), error.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    private sealed record Policy(string Segment, SlaTarget FirstResponse, SlaTarget Resolution);
}
