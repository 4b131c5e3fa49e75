using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// Instants in snapshots, in the text NodaTime's own converter writes (<see cref="InstantPattern.ExtendedIso"/>), read
/// through the event serializer's direct parser: a snapshot of a long incident holds an instant per commitment, and the
/// general pattern parser was most of what reading one cost. Any text the direct parser does not take goes to the
/// pattern, so both accept and refuse the same texts.
/// </summary>
internal sealed class WrittenInstantConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An instant is a string, not {reader.TokenType}.");
        }

        return !reader.HasValueSequence && !reader.ValueIsEscaped && IncidentEventSerializer.TryParseWrittenInstant(reader.ValueSpan, out var instant)
            ? instant
            : InstantPattern.ExtendedIso.Parse(reader.GetString()!).Value;
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => IncidentEventSerializer.WriteInstant(writer, value);
}
