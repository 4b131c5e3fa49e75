using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// What the JSON forms of definitions (calendars, blackout sets) share: reading values while collecting every problem
/// with its JSON path, and writing the same text forms back.
/// </summary>
internal static class DefinitionJson
{
    internal static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // The documents are configuration read by people, never embedded in HTML, so non-ASCII names stay readable.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The names of the days of the week in documents, Monday first (<see cref="IsoDayOfWeek"/> order).</summary>
    internal static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalTimePattern PreciseTimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss.FFFFFFFFF");
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern PrecisePattern = LocalDateTimePattern.ExtendedIso;

    /// <summary>Parses a whole document and hands its root to <paramref name="load"/>; malformed JSON is reported as
    /// the one problem of <paramref name="definition"/>, at its line and position.</summary>
    internal static T Load<T>(string json, string definition, Func<JsonElement, T> load)
        => Load(() => JsonDocument.Parse(json, DocumentOptions), definition, load);

    /// <inheritdoc cref="Load{T}(string, string, Func{JsonElement, T})"/>
    internal static T Load<T>(Stream utf8Json, string definition, Func<JsonElement, T> load)
        => Load(() => JsonDocument.Parse(utf8Json, DocumentOptions), definition, load);

    internal static string Save(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        Save(buffer, write);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void Save(Stream utf8Json, Action<Utf8JsonWriter> write)
    {
        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        write(writer);
        writer.Flush();
    }

    /// <summary>The properties of an object by name, reporting unknown and repeated ones; empty for a non-object.</summary>
    internal static Dictionary<string, JsonElement> ReadObject(JsonElement element, string path, string[] known, List<ValidationProblem> problems)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path.Length == 0 ? "$" : path, $"Expected an object, not {Describe(element.ValueKind)}."));
            return properties;
        }

        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = Child(path, property.Name);
            if (Array.IndexOf(known, property.Name) < 0)
            {
                problems.Add(new ValidationProblem(propertyPath, $"Unknown property '{property.Name}' (expected one of: {string.Join(", ", known)})."));
            }
            else if (properties.ContainsKey(property.Name))
            {
                problems.Add(new ValidationProblem(propertyPath, $"The property '{property.Name}' is given more than once."));
            }
            else
            {
                properties.Add(property.Name, property.Value);
            }
        }

        return properties;
    }

    internal static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>A string, null when absent or null; anything else is reported.</summary>
    internal static string? ReadString(Dictionary<string, JsonElement> properties, string name, string path, List<ValidationProblem> problems)
        => properties.TryGetValue(name, out var element) ? ReadString(element, Child(path, name), problems) : null;

    internal static string? ReadString(JsonElement element, string path, List<ValidationProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Null:
                return null;
            default:
                problems.Add(new ValidationProblem(path, $"Expected a string, not {Describe(element.ValueKind)}."));
                return null;
        }
    }

    /// <summary>A whole number; null (reported) when it is present but not one.</summary>
    internal static int? ReadInt32(JsonElement element, string path, List<ValidationProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        problems.Add(new ValidationProblem(path, $"Expected a whole number, not {Describe(element.ValueKind)}{(element.ValueKind == JsonValueKind.Number ? " " + element.GetRawText() : string.Empty)}."));
        return null;
    }

    internal static IEnumerable<(string Path, JsonElement Item)> ReadArray(JsonElement array, string path, List<ValidationProblem> problems)
    {
        if (array.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ValidationProblem(path, $"Expected a list, not {Describe(array.ValueKind)}."));
            yield break;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return (string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", path, index++), item);
        }
    }

    /// <summary>A required ISO date (<c>uuuu-MM-dd</c>); null (reported) when missing or unreadable.</summary>
    internal static LocalDate? ReadDate(Dictionary<string, JsonElement> properties, string name, string path, List<ValidationProblem> problems)
    {
        var propertyPath = Child(path, name);
        if (!properties.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem(propertyPath, "A date (uuuu-MM-dd) is required."));
            return null;
        }

        var text = ReadString(element, propertyPath, problems);
        if (text is null)
        {
            return null;
        }

        var result = DatePattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(new ValidationProblem(propertyPath, $"'{text}' is not a date of the form uuuu-MM-dd."));
        return null;
    }

    /// <summary>A required local date and time (<c>uuuu-MM-ddTHH:mm</c>, seconds optional); null (reported) when
    /// missing or unreadable.</summary>
    internal static LocalDateTime? ReadLocalDateTime(Dictionary<string, JsonElement> properties, string name, string path, List<ValidationProblem> problems)
    {
        var propertyPath = Child(path, name);
        if (!properties.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem(propertyPath, "A local date and time (uuuu-MM-ddTHH:mm) is required."));
            return null;
        }

        var text = ReadString(element, propertyPath, problems);
        if (text is null)
        {
            return null;
        }

        var result = MinutePattern.Parse(text);
        if (!result.Success)
        {
            result = PrecisePattern.Parse(text);
        }

        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(new ValidationProblem(propertyPath, $"'{text}' is not a local date and time of the form uuuu-MM-ddTHH:mm."));
        return null;
    }

    /// <summary>The day named <paramref name="name"/> (any letter case), or null.</summary>
    internal static IsoDayOfWeek? ParseDay(string? name)
    {
        var index = Array.FindIndex(DayNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (IsoDayOfWeek)(index + 1);
    }

    internal static string DayName(IsoDayOfWeek day) => DayNames[(int)day - 1];

    /// <summary>A required day of the week; null (reported) when missing or unknown.</summary>
    internal static IsoDayOfWeek? ReadDay(Dictionary<string, JsonElement> properties, string name, string path, List<ValidationProblem> problems)
    {
        var propertyPath = Child(path, name);
        if (!properties.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem(propertyPath, "A day of the week (monday … sunday) is required."));
            return null;
        }

        var text = ReadString(element, propertyPath, problems);
        if (text is null)
        {
            return null;
        }

        var day = ParseDay(text);
        if (day is null)
        {
            problems.Add(new ValidationProblem(propertyPath, $"'{text}' is not a day of the week (use monday, tuesday, … sunday)."));
        }

        return day;
    }

    /// <summary>A required local time (<c>HH:mm</c>, seconds optional); null (reported) when missing or unreadable.</summary>
    internal static LocalTime? ReadTime(Dictionary<string, JsonElement> properties, string name, string path, List<ValidationProblem> problems)
    {
        var propertyPath = Child(path, name);
        if (!properties.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem(propertyPath, "A local time (HH:mm) is required."));
            return null;
        }

        var text = ReadString(element, propertyPath, problems);
        if (text is null)
        {
            return null;
        }

        var result = TimePattern.Parse(text);
        if (!result.Success)
        {
            result = PreciseTimePattern.Parse(text);
        }

        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(new ValidationProblem(propertyPath, $"'{text}' is not a local time of the form HH:mm (00:00 to 23:59)."));
        return null;
    }

    internal static string FormatTime(LocalTime value)
        => value.Second == 0 && value.NanosecondOfSecond == 0 ? TimePattern.Format(value) : PreciseTimePattern.Format(value);

    internal static string FormatLocal(LocalDateTime value)
        => value.Second == 0 && value.NanosecondOfSecond == 0 ? MinutePattern.Format(value) : PrecisePattern.Format(value);

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// Maps a builder's problem path, which numbers entries in the order the builder was given them, to the JSON path
    /// of the entry: <c>rules[2].startDay</c> becomes <c>rules[3].startDay</c> when entry 2 came from <c>rules[3]</c>.
    /// </summary>
    internal static string MapIndexedPath(string builderPath, string collection, IReadOnlyList<string> sources)
    {
        var prefix = collection + "[";
        if (!builderPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return builderPath;
        }

        var close = builderPath.IndexOf(']', prefix.Length);
        return close > prefix.Length
            && int.TryParse(builderPath.Substring(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < sources.Count
                ? sources[index] + builderPath.Substring(close + 1)
                : builderPath;
    }

    private static T Load<T>(Func<JsonDocument> parse, string definition, Func<JsonElement, T> load)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line
                ? string.Format(CultureInfo.InvariantCulture, "line {0}, position {1}", line + 1, (error.BytePositionInLine ?? 0) + 1)
                : "$";
            throw new DefinitionValidationException(definition, [new ValidationProblem(where, "The text is not valid JSON: " + error.Message)]);
        }

        using (document)
        {
            return load(document.RootElement);
        }
    }
}
