using System;
using System.Linq;
using System.Text;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>What writing an event costs and how its instants are spelled.</summary>
public sealed class IncidentEventSerializerWritingTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>
    /// Guards the reuse of the serializer's buffer and writer, not a performance target (that is the write benchmark's
    /// job): a new stream and writer per event cost about 6 KB, the reused ones under 1.1 KB on every runtime we test.
    /// </summary>
    [Fact]
    public void Serialize_OneEventAfterAnother_ReusesItsBufferAndWriter()
    {
        var serializer = new IncidentEventSerializer();
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        var events = Enumerable.Range(2, 200)
            .Select(v => (IncidentEvent)new CommitmentMade(new EventMetadata(IncidentId.New(), v, Start, owner, CommandId.New()), new Commitment("k" + v, owner.Id, "call back with findings", Start + Duration.FromMinutes(v * 7) + Duration.FromMilliseconds(v))))
            .ToArray();
        foreach (var e in events)
        {
            serializer.Serialize(e);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var e in events)
        {
            serializer.Serialize(e);
        }

        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / events.Length;
        Assert.InRange(perEvent, 0, 2048);
    }

    [Fact]
    public void Serialize_FromManyThreads_WritesEveryPayloadWhole()
    {
        var serializer = new IncidentEventSerializer();
        var all = GoldenStreams.All().Values.SelectMany(s => s).ToArray();
        var expected = all.Select(e => new IncidentEventSerializer().Serialize(e)).ToArray();
        var written = new SerializedEvent[8][];
        System.Threading.Tasks.Parallel.For(0, written.Length, t => written[t] = all.Select(serializer.Serialize).ToArray());
        Assert.All(written, w => Assert.Equal(expected, w));
    }

    [ConfiguredProperty]
    public Property TryFormatWrittenInstant_AnyInstant_WritesWhatThePatternWritesOrDeclines(long ticks, int nanoseconds)
    {
        var min = Instant.FromUtc(-9998, 1, 1, 0, 0);
        var span = Instant.FromUtc(9999, 12, 31, 23, 59).ToUnixTimeTicks() - min.ToUnixTimeTicks();
        var instant = min + Duration.FromTicks(Math.Abs(ticks % span)) + Duration.FromNanoseconds(Math.Abs(nanoseconds % 100));
        Span<byte> text = stackalloc byte[30];
        var formatted = IncidentEventSerializer.TryFormatWrittenInstant(instant, text, out var length);
        var year = instant.InUtc().Year;
        return (formatted == (year >= 0)
            && (!formatted || Encoding.ASCII.GetString(text.Slice(0, length).ToArray()) == InstantPattern.ExtendedIso.Format(instant))).ToProperty();
    }

    [Theory]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-03-29T01:30:00.5Z")]
    [InlineData("2026-03-29T01:30:00.000000001Z")]
    [InlineData("2026-03-29T01:30:00.123456789Z")]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    public void TryFormatWrittenInstant_EdgeInstant_WritesThePatternsText(string text)
    {
        var instant = InstantPattern.ExtendedIso.Parse(text).Value;
        Span<byte> bytes = stackalloc byte[30];
        Assert.True(IncidentEventSerializer.TryFormatWrittenInstant(instant, bytes, out var length));
        Assert.Equal(text, Encoding.ASCII.GetString(bytes.Slice(0, length).ToArray()));
    }
}
