using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Loads a <see cref="BlackoutSet"/> from JSON and saves one to JSON, in the style of <see cref="BusinessCalendarJson"/>.
/// </summary>
/// <remarks>
/// <para>The document is an object with the set's zone and its rules, each with a <c>type</c>:</para>
/// <code>
/// {
///   "name": "Acme change freeze",
///   "zone": "Europe/London",
///   "rules": [
///     { "type": "periodEnd", "name": "month-end", "period": "month", "days": 3 },
///     { "type": "periodEnd", "name": "quarter close", "period": "quarter", "businessDays": 2, "calendar": { … } },
///     { "type": "range", "name": "office move", "start": "2026-12-04T18:00", "end": "2026-12-07T06:00" },
///     { "type": "weekly", "name": "weekend batch", "startDay": "friday", "startTime": "22:00", "endDay": "monday", "endTime": "06:00" }
///   ]
/// }
/// </code>
/// <para>
/// A rule that counts business days embeds the business calendar that says which days they are, in the form
/// <see cref="BusinessCalendarJson"/> reads. Loading goes through <see cref="BlackoutSetBuilder"/>: a document with any
/// problem throws one <see cref="DefinitionValidationException"/> listing every problem with its JSON path. Rules of
/// a host's own <see cref="BlackoutRule"/> types have no JSON form and cannot be saved.
/// </para>
/// </remarks>
public static class BlackoutSetJson
{
    private const string DefaultDefinition = "blackout set";
    private static readonly string[] TopLevelProperties = ["name", "zone", "rules"];
    private static readonly string[] PeriodEndProperties = ["type", "name", "reason", "period", "days", "businessDays", "calendar"];
    private static readonly string[] RangeProperties = ["type", "name", "reason", "start", "end"];
    private static readonly string[] WeeklyProperties = ["type", "name", "reason", "startDay", "startTime", "endDay", "endTime"];
    private static readonly string[] PeriodNames = ["month", "quarter", "year"];

    /// <summary>Loads a blackout set from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The text is not valid JSON or the set it describes is invalid;
    /// every problem is listed.</exception>
    public static BlackoutSet Load(string json)
    {
        Preconditions.CheckNotNull(json);
        return DefinitionJson.Load(json, DefaultDefinition, Load);
    }

    /// <summary>Loads a blackout set from a stream of UTF-8 JSON, read to its end; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The content is not valid JSON or the set it describes is
    /// invalid; every problem is listed.</exception>
    public static BlackoutSet Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        return DefinitionJson.Load(utf8Json, DefaultDefinition, Load);
    }

    /// <summary>Loads a blackout set from an already parsed JSON value, for definitions that embed one.</summary>
    /// <exception cref="DefinitionValidationException">The set the value describes is invalid; every problem is listed.</exception>
    public static BlackoutSet Load(JsonElement element)
    {
        var problems = new List<ValidationProblem>();
        var blackouts = Read(element, problems, out var definition);
        return problems.Count == 0 && blackouts is not null
            ? blackouts
            : throw new DefinitionValidationException(definition, problems);
    }

    /// <summary>Saves <paramref name="blackouts"/> as indented JSON text that <see cref="Load(string)"/> reads back
    /// into an equivalent set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="blackouts"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule is of a host's own type, which has no JSON form.</exception>
    public static string Save(BlackoutSet blackouts)
    {
        CheckSavable(blackouts);
        return DefinitionJson.Save(writer => Write(writer, blackouts));
    }

    /// <summary>Writes <paramref name="blackouts"/> to <paramref name="utf8Json"/> as indented UTF-8 JSON; the stream
    /// is flushed, not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A rule is of a host's own type, which has no JSON form.</exception>
    public static void Save(BlackoutSet blackouts, Stream utf8Json)
    {
        CheckSavable(blackouts);
        Preconditions.CheckNotNull(utf8Json);
        DefinitionJson.Save(utf8Json, writer => Write(writer, blackouts));
    }

    /// <summary>Writes <paramref name="blackouts"/> as one JSON object at the writer's current position.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A rule is of a host's own type, which has no JSON form; nothing is written.</exception>
    public static void Write(Utf8JsonWriter writer, BlackoutSet blackouts)
    {
        Preconditions.CheckNotNull(writer);
        CheckSavable(blackouts);

        writer.WriteStartObject();
        if (blackouts.Name is { } name)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("zone", blackouts.Zone.Id);
        writer.WriteStartArray("rules");
        foreach (var rule in blackouts.Rules)
        {
            writer.WriteStartObject();
            switch (rule)
            {
                case PeriodEndBlackout periodEnd:
                    writer.WriteString("type", "periodEnd");
                    WriteNameAndReason(writer, rule);
                    writer.WriteString("period", PeriodNames[(int)periodEnd.Period - 1]);
                    if (periodEnd.BusinessDayCalendar is { } calendar)
                    {
                        writer.WriteNumber("businessDays", periodEnd.Days);
                        writer.WritePropertyName("calendar");
                        BusinessCalendarJson.Write(writer, calendar);
                    }
                    else
                    {
                        writer.WriteNumber("days", periodEnd.Days);
                    }

                    break;
                case LocalRangeBlackout range:
                    writer.WriteString("type", "range");
                    WriteNameAndReason(writer, rule);
                    writer.WriteString("start", DefinitionJson.FormatLocal(range.Start));
                    writer.WriteString("end", DefinitionJson.FormatLocal(range.End));
                    break;
                case WeeklyBlackout weekly:
                    writer.WriteString("type", "weekly");
                    WriteNameAndReason(writer, rule);
                    writer.WriteString("startDay", DefinitionJson.DayName(weekly.StartDay));
                    writer.WriteString("startTime", DefinitionJson.FormatTime(weekly.StartTime));
                    writer.WriteString("endDay", DefinitionJson.DayName(weekly.EndDay));
                    writer.WriteString("endTime", DefinitionJson.FormatTime(weekly.EndTime));
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void CheckSavable(BlackoutSet blackouts)
    {
        Preconditions.CheckNotNull(blackouts);
        var custom = blackouts.Rules.FirstOrDefault(r => r is not (PeriodEndBlackout or LocalRangeBlackout or WeeklyBlackout));
        if (custom is not null)
        {
            throw new ArgumentException(
                $"The rule '{custom.Name}' is a {custom.GetType().Name}, which has no JSON form; only period-end, range and weekly rules can be saved.",
                nameof(blackouts));
        }
    }

    private static void WriteNameAndReason(Utf8JsonWriter writer, BlackoutRule rule)
    {
        writer.WriteString("name", rule.Name);
        if (rule.Reason is { } reason)
        {
            writer.WriteString("reason", reason);
        }
    }

    private static BlackoutSet? Read(JsonElement root, List<ValidationProblem> problems, out string definition)
    {
        definition = DefaultDefinition;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem("$", $"A blackout set definition is a JSON object, not {DefinitionJson.Describe(root.ValueKind)}."));
            return null;
        }

        var properties = DefinitionJson.ReadObject(root, string.Empty, TopLevelProperties, problems);
        var name = DefinitionJson.ReadString(properties, "name", string.Empty, problems);
        if (name is not null)
        {
            definition = $"{DefaultDefinition} '{name}'";
        }

        var zoneId = DefinitionJson.ReadString(properties, "zone", string.Empty, problems);
        var builder = new BlackoutSetBuilder(zoneId!);
        if (name is not null)
        {
            builder.WithName(name);
        }

        var sources = new List<string>();
        if (properties.TryGetValue("rules", out var rules))
        {
            foreach (var (path, item) in DefinitionJson.ReadArray(rules, "rules", problems))
            {
                if (ReadRule(item, path, builder, problems))
                {
                    sources.Add(path);
                }
            }
        }

        try
        {
            var blackouts = builder.Build();
            return problems.Count == 0 ? blackouts : null;
        }
        catch (DefinitionValidationException error)
        {
            definition = error.Definition;
            var zoneReported = problems.Any(p => p.Path == "zone");
            foreach (var problem in error.Problems)
            {
                var path = DefinitionJson.MapIndexedPath(problem.Path, "rules", sources);
                if (!(path == "zone" && zoneReported))
                {
                    problems.Add(new ValidationProblem(path, problem.Message));
                }
            }

            return null;
        }
    }

    /// <summary>Hands the rule at <paramref name="path"/> to the builder; false when it could not be read far enough to.</summary>
    private static bool ReadRule(JsonElement item, string path, BlackoutSetBuilder builder, List<ValidationProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path, $"Expected a rule object, not {DefinitionJson.Describe(item.ValueKind)}."));
            return false;
        }

        var type = item.TryGetProperty("type", out var typeElement) ? DefinitionJson.ReadString(typeElement, path + ".type", problems) : null;
        var known = type switch
        {
            "periodEnd" => PeriodEndProperties,
            "range" => RangeProperties,
            "weekly" => WeeklyProperties,
            _ => null,
        };
        if (known is null)
        {
            problems.Add(new ValidationProblem(path + ".type", type is null
                ? "A rule needs a type: periodEnd, range or weekly."
                : $"'{type}' is not a rule type (use periodEnd, range or weekly)."));
            return false;
        }

        var before = problems.Count;
        var properties = DefinitionJson.ReadObject(item, path, known, problems);
        var name = DefinitionJson.ReadString(properties, "name", path, problems);
        var reason = DefinitionJson.ReadString(properties, "reason", path, problems);
        switch (type)
        {
            case "periodEnd":
                var period = ReadPeriod(properties, path, problems);
                var (days, calendar) = ReadDays(properties, path, problems);
                if (problems.Count == before && period is { } p && days is { } d)
                {
                    builder.AddPeriodEnd(name!, p, d, calendar, reason);
                    return true;
                }

                break;
            case "range":
                var start = DefinitionJson.ReadLocalDateTime(properties, "start", path, problems);
                var end = DefinitionJson.ReadLocalDateTime(properties, "end", path, problems);
                if (problems.Count == before && start is { } from && end is { } to)
                {
                    builder.AddRange(name!, from, to, reason);
                    return true;
                }

                break;
            default:
                var startDay = DefinitionJson.ReadDay(properties, "startDay", path, problems);
                var startTime = DefinitionJson.ReadTime(properties, "startTime", path, problems);
                var endDay = DefinitionJson.ReadDay(properties, "endDay", path, problems);
                var endTime = DefinitionJson.ReadTime(properties, "endTime", path, problems);
                if (problems.Count == before && startDay is { } sd && startTime is { } st && endDay is { } ed && endTime is { } et)
                {
                    builder.AddWeekly(name!, sd, st, ed, et, reason);
                    return true;
                }

                break;
        }

        // Name problems are the builder's to report, with the rest of the rule's; here the rule was unreadable.
        if (string.IsNullOrWhiteSpace(name) && properties.Count > 0)
        {
            problems.Add(new ValidationProblem(path, "A blackout needs a name."));
        }

        return false;
    }

    private static BlackoutPeriod? ReadPeriod(Dictionary<string, JsonElement> properties, string path, List<ValidationProblem> problems)
    {
        var text = DefinitionJson.ReadString(properties, "period", path, problems);
        var index = Array.FindIndex(PeriodNames, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            return (BlackoutPeriod)(index + 1);
        }

        if (text is not null || !properties.TryGetValue("period", out var given) || given.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem(path + ".period", text is null
                ? "A period is required: month, quarter or year."
                : $"'{text}' is not a period (use month, quarter or year)."));
        }

        return null;
    }

    private static (int? Days, BusinessCalendar? Calendar) ReadDays(Dictionary<string, JsonElement> properties, string path, List<ValidationProblem> problems)
    {
        var hasDays = properties.TryGetValue("days", out var days) && days.ValueKind != JsonValueKind.Null;
        var hasBusinessDays = properties.TryGetValue("businessDays", out var businessDays) && businessDays.ValueKind != JsonValueKind.Null;
        var hasCalendar = properties.TryGetValue("calendar", out var calendarElement) && calendarElement.ValueKind != JsonValueKind.Null;
        if (hasDays == hasBusinessDays)
        {
            problems.Add(new ValidationProblem(path, "Give either days (calendar days) or businessDays (with the calendar that says which days are business days)."));
            return (null, null);
        }

        if (hasDays)
        {
            if (hasCalendar)
            {
                problems.Add(new ValidationProblem(path + ".calendar", "A calendar counts business days only: use businessDays with it, or remove it."));
            }

            return (DefinitionJson.ReadInt32(days, path + ".days", problems), null);
        }

        var count = DefinitionJson.ReadInt32(businessDays, path + ".businessDays", problems);
        if (!hasCalendar)
        {
            problems.Add(new ValidationProblem(path + ".calendar", "Counting business days needs the business calendar that says which days they are."));
            return (count, null);
        }

        return (count, BusinessCalendarJson.Read(calendarElement, path + ".calendar", problems));
    }
}
