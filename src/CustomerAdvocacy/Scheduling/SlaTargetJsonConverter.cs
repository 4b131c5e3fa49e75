using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write an <see cref="SlaTarget"/> inside a larger document (a policy), in the form
/// <see cref="SlaTargetJson"/> documents.
/// </summary>
/// <remarks>
/// An invalid target throws <see cref="DefinitionValidationException"/> (not <see cref="JsonException"/>) listing every
/// problem; its paths are relative to the target's object.
/// </remarks>
public sealed class SlaTargetJsonConverter : JsonConverter<SlaTarget>
{
    /// <inheritdoc />
    public override SlaTarget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return SlaTargetJson.Load(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SlaTarget value, JsonSerializerOptions options)
        => SlaTargetJson.Write(writer, value);
}
