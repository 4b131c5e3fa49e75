using System;
using System.Text.Json;
using CustomerAdvocacy.Storage;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerAdvocacy.Tests.Storage;

public sealed class WrittenInstantConverterTests
{
    private static readonly JsonSerializerOptions Noda = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    private static readonly JsonSerializerOptions Direct = new() { Converters = { new WrittenInstantConverter() } };

    [ConfiguredProperty]
    public Property Write_AnyInstant_WritesWhatNodaTimesConverterWrites(long ticks, byte nanoseconds)
    {
        var span = Instant.FromUtc(9999, 12, 31, 23, 59).ToUnixTimeTicks() - Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks();
        var instant = Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromTicks(Math.Abs(ticks % span)) + Duration.FromNanoseconds(nanoseconds % 100);
        var written = JsonSerializer.Serialize(instant, Direct);
        return (written == JsonSerializer.Serialize(instant, Noda) && JsonSerializer.Deserialize<Instant>(written, Direct) == instant).ToProperty();
    }

    [Theory]
    [InlineData("\"2026-03-29T01:30:00Z\"")]
    [InlineData("\"2026-03-29T01:30:00.5Z\"")]
    [InlineData("\"2026-03-29T01:30:00.123456789Z\"")]
    [InlineData("\"2026-03-29T01:30:00\\u005A\"")]
    [InlineData("\"-0001-03-29T01:30:00Z\"")]
    [InlineData("\"2026-02-29T01:30:00Z\"")]
    [InlineData("\"2026-03-29T24:00:00Z\"")]
    [InlineData("\"2026-03-29T01:30:00+01:00\"")]
    [InlineData("\"2026-03-29T01:30:00.Z\"")]
    [InlineData("\"\"")]
    public void Read_AnyText_AcceptsAndRefusesAsNodaTimesConverter(string json)
    {
        Instant? expected;
        try
        {
            expected = JsonSerializer.Deserialize<Instant>(json, Noda);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            expected = null;
        }

        if (expected is { } value)
        {
            Assert.Equal(value, JsonSerializer.Deserialize<Instant>(json, Direct));
        }
        else
        {
            Assert.ThrowsAny<FormatException>(() => JsonSerializer.Deserialize<Instant>(json, Direct));
        }
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Read_NoString_ThrowsJsonException(string json)
        => Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Instant>(json, Direct));
}
