using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write a <see cref="BlackoutSet"/> inside a larger document, in the form
/// <see cref="BlackoutSetJson"/> documents.
/// </summary>
/// <remarks>
/// An invalid set throws <see cref="DefinitionValidationException"/> (not <see cref="JsonException"/>) listing every
/// problem; its paths are relative to the set's object.
/// </remarks>
public sealed class BlackoutSetJsonConverter : JsonConverter<BlackoutSet>
{
    /// <inheritdoc />
    public override BlackoutSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return BlackoutSetJson.Load(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BlackoutSet value, JsonSerializerOptions options)
        => BlackoutSetJson.Write(writer, value);
}
