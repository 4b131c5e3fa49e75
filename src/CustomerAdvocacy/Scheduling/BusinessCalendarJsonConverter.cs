using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write a <see cref="BusinessCalendar"/> inside a larger document, in the
/// form <see cref="BusinessCalendarJson"/> documents.
/// </summary>
/// <remarks>
/// An invalid calendar throws <see cref="DefinitionValidationException"/> (not <see cref="JsonException"/>) listing
/// every problem; its paths are relative to the calendar's object.
/// </remarks>
public sealed class BusinessCalendarJsonConverter : JsonConverter<BusinessCalendar>
{
    /// <inheritdoc />
    public override BusinessCalendar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return BusinessCalendarJson.Load(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BusinessCalendar value, JsonSerializerOptions options)
        => BusinessCalendarJson.Write(writer, value);
}
