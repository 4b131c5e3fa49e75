using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Loads an <see cref="SlaTarget"/> from JSON and saves one to JSON, in the style of <see cref="BusinessCalendarJson"/>:
/// <c>{ "duration": "4:00:00", "measure": "businessTime", "warningShare": 0.75 }</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>duration</c> is hours, minutes and seconds (<c>4:00:00</c>, <c>72:00:00</c>, <c>0:30:00</c>, with a fraction of a
/// second if needed); an ISO 8601 duration of fixed length (<c>PT4H</c>, <c>P3D</c>, <c>PT1H30M</c>) is accepted too, but
/// not months or years, which have no fixed length. <c>measure</c> is <c>businessTime</c> or <c>aroundTheClock</c>.
/// <c>warningShare</c> is optional (<see cref="SlaTarget.DefaultWarningShare"/>).
/// </para>
/// <para>
/// Loading validates through <see cref="SlaTarget.Validate"/>: a document with any problem throws one
/// <see cref="DefinitionValidationException"/> listing every problem with its JSON path.
/// </para>
/// </remarks>
public static class SlaTargetJson
{
    private const string Definition = "SLA target";
    private static readonly string[] Properties = ["duration", "measure", "warningShare"];
    private static readonly string[] MeasureNames = ["businessTime", "aroundTheClock"];
    private static readonly DurationPattern HoursPattern = DurationPattern.CreateWithInvariantCulture("-H:mm:ss.FFFFFFFFF");
    private static readonly DurationPattern ShortHoursPattern = DurationPattern.CreateWithInvariantCulture("-H:mm");

    /// <summary>Loads a target from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The text is not valid JSON or the target is invalid; every
    /// problem is listed.</exception>
    public static SlaTarget Load(string json)
    {
        Preconditions.CheckNotNull(json);
        return DefinitionJson.Load(json, Definition, Load);
    }

    /// <summary>Loads a target from a stream of UTF-8 JSON, read to its end; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The content is not valid JSON or the target is invalid; every
    /// problem is listed.</exception>
    public static SlaTarget Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        return DefinitionJson.Load(utf8Json, Definition, Load);
    }

    /// <summary>Loads a target from an already parsed JSON value, for definitions (policies) that embed one.</summary>
    /// <exception cref="DefinitionValidationException">The target is invalid; every problem is listed.</exception>
    public static SlaTarget Load(JsonElement element)
    {
        var problems = new List<ValidationProblem>();
        var target = Read(element, problems);
        return problems.Count == 0 && target is not null
            ? target
            : throw new DefinitionValidationException(Definition, problems);
    }

    /// <summary>Saves <paramref name="target"/> as indented JSON text that <see cref="Load(string)"/> reads back into an
    /// equal target.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static string Save(SlaTarget target)
    {
        Preconditions.CheckNotNull(target);
        return DefinitionJson.Save(writer => Write(writer, target));
    }

    /// <summary>Writes <paramref name="target"/> to <paramref name="utf8Json"/> as indented UTF-8 JSON; the stream is
    /// flushed, not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Save(SlaTarget target, Stream utf8Json)
    {
        Preconditions.CheckNotNull(target);
        Preconditions.CheckNotNull(utf8Json);
        DefinitionJson.Save(utf8Json, writer => Write(writer, target));
    }

    /// <summary>Writes <paramref name="target"/> as one JSON object at the writer's current position.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, SlaTarget target)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(target);
        writer.WriteStartObject();
        writer.WriteString("duration", HoursPattern.Format(target.Duration));
        writer.WriteString("measure", MeasureNames[(int)target.Measure]);
        writer.WriteNumber("warningShare", target.WarningShare);
        writer.WriteEndObject();
    }

    private static SlaTarget? Read(JsonElement root, List<ValidationProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem("$", $"An SLA target is a JSON object, not {DefinitionJson.Describe(root.ValueKind)}."));
            return null;
        }

        var properties = DefinitionJson.ReadObject(root, string.Empty, Properties, problems);
        var duration = ReadDuration(properties, problems);
        var measure = ReadMeasure(properties, problems);
        var warningShare = SlaTarget.DefaultWarningShare;
        if (properties.TryGetValue("warningShare", out var shareElement) && shareElement.ValueKind != JsonValueKind.Null)
        {
            if (shareElement.ValueKind == JsonValueKind.Number)
            {
                warningShare = shareElement.GetDouble();
            }
            else
            {
                problems.Add(new ValidationProblem("warningShare", $"Expected a number between 0 and 1 (0.75 for 75 %), not {DefinitionJson.Describe(shareElement.ValueKind)}."));
            }
        }

        // A value already reported as unreadable is stood in for by a valid one, so the others are still checked.
        problems.AddRange(SlaTarget.Validate(duration ?? Duration.FromHours(1), measure ?? SlaMeasure.BusinessTime, warningShare));

        return problems.Count == 0 ? new SlaTarget(duration!.Value, measure!.Value, warningShare) : null;
    }

    private static Duration? ReadDuration(Dictionary<string, JsonElement> properties, List<ValidationProblem> problems)
    {
        if (!properties.TryGetValue("duration", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem("duration", "A duration is required, such as \"4:00:00\" (hours:minutes:seconds) or \"PT4H\"."));
            return null;
        }

        var text = DefinitionJson.ReadString(element, "duration", problems);
        if (text is null)
        {
            return null;
        }

        var result = HoursPattern.Parse(text);
        if (!result.Success)
        {
            result = ShortHoursPattern.Parse(text);
        }

        if (result.Success)
        {
            return result.Value;
        }

        var iso = PeriodPattern.NormalizingIso.Parse(text);
        if (iso.Success && iso.Value.Years == 0 && iso.Value.Months == 0)
        {
            return iso.Value.ToDuration();
        }

        problems.Add(new ValidationProblem("duration", iso.Success
            ? $"'{text}' has months or years, which have no fixed length; give days or hours instead."
            : $"'{text}' is not a duration such as \"4:00:00\" (hours:minutes:seconds) or \"PT4H\"."));
        return null;
    }

    private static SlaMeasure? ReadMeasure(Dictionary<string, JsonElement> properties, List<ValidationProblem> problems)
    {
        if (!properties.TryGetValue("measure", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem("measure", "A measure is required: businessTime or aroundTheClock."));
            return null;
        }

        var text = DefinitionJson.ReadString(element, "measure", problems);
        if (text is null)
        {
            return null;
        }

        var index = Array.FindIndex(MeasureNames, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            problems.Add(new ValidationProblem("measure", $"'{text}' is not a measure (use businessTime or aroundTheClock)."));
            return null;
        }

        return (SlaMeasure)index;
    }
}
