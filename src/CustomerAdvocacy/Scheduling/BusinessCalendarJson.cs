using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Loads a <see cref="BusinessCalendar"/> from JSON and saves one to JSON, so calendars can be kept as data
/// (a file per customer, a column in a database, a part of a larger definition).
/// </summary>
/// <remarks>
/// <para>The document is an object:</para>
/// <code>
/// {
///   "name": "Acme support",
///   "zone": "Europe/London",
///   "aroundTheClock": false,
///   "weeklyHours": { "monday": ["09:00-12:00", "13:00-17:30"], "friday": ["09:00-16:00"] },
///   "holidays": [ { "date": "2026-12-25", "name": "Christmas Day" } ],
///   "shifts": [ { "date": "2026-12-24", "hours": ["09:00-13:00"] } ],
///   "breaks": [ { "start": "2026-12-01T14:00", "end": "2026-12-01T15:00", "reason": "All-hands" } ]
/// }
/// </code>
/// <para>
/// Intervals use the text of <see cref="DailyInterval.Parse"/> (<c>24:00</c> for the next midnight, an end at or before
/// the start for an overnight interval); dates are ISO <c>uuuu-MM-dd</c>, local date-times <c>uuuu-MM-ddTHH:mm</c>
/// (seconds may follow), the same text NodaTime.Serialization.SystemTextJson uses. Comments and trailing commas are
/// accepted; unknown properties are rejected so a misspelt one is not silently ignored.
/// </para>
/// <para>
/// Loading goes through <see cref="BusinessCalendarBuilder"/>: a document with any problem, from malformed JSON to
/// overlapping hours, throws one <see cref="DefinitionValidationException"/> listing every problem, each with the
/// JSON path it was found at (<c>weeklyHours.monday[1]</c>, <c>holidays[2].date</c>).
/// </para>
/// </remarks>
public static class BusinessCalendarJson
{
    private const string DefaultDefinition = "business calendar";

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

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern PrecisePattern = LocalDateTimePattern.ExtendedIso;

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] TopLevelProperties = ["name", "zone", "aroundTheClock", "weeklyHours", "holidays", "shifts", "breaks"];
    private static readonly Regex IndexedBuilderPath = new(@"^(weeklyHours|holidays|shifts|breaks)\[(\d+)\](.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex DayBuilderPath = new(@"^weeklyHours\.([A-Za-z]+)(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ShiftDateBuilderPath = new(@"^shifts\.(\d{4}-\d{2}-\d{2})(.*)$", RegexOptions.CultureInvariant);

    /// <summary>Loads a calendar from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The text is not valid JSON or the calendar it describes is
    /// invalid; every problem is listed.</exception>
    public static BusinessCalendar Load(string json)
    {
        Preconditions.CheckNotNull(json);
        return LoadDocument(() => JsonDocument.Parse(json, DocumentOptions));
    }

    /// <summary>Loads a calendar from a stream of UTF-8 JSON, read to its end; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The content is not valid JSON or the calendar it describes is
    /// invalid; every problem is listed.</exception>
    public static BusinessCalendar Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        return LoadDocument(() => JsonDocument.Parse(utf8Json, DocumentOptions));
    }

    /// <summary>
    /// Loads a calendar from an already parsed JSON value, for definitions that embed a calendar in a larger document.
    /// </summary>
    /// <exception cref="DefinitionValidationException">The calendar the value describes is invalid; every problem is listed.</exception>
    public static BusinessCalendar Load(JsonElement element)
    {
        var problems = new List<ValidationProblem>();
        var calendar = Read(element, problems, out var definition);
        return problems.Count == 0 && calendar is not null
            ? calendar
            : throw new DefinitionValidationException(definition, problems);
    }

    /// <summary>Saves <paramref name="calendar"/> as indented JSON text that <see cref="Load(string)"/> reads back
    /// into an equivalent calendar.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static string Save(BusinessCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        using var buffer = new MemoryStream();
        Save(calendar, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="calendar"/> to <paramref name="utf8Json"/> as indented UTF-8 JSON; the stream
    /// is flushed, not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Save(BusinessCalendar calendar, Stream utf8Json)
    {
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckNotNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        Write(writer, calendar);
        writer.Flush();
    }

    /// <summary>
    /// Writes <paramref name="calendar"/> as one JSON object at the writer's current position, for definitions that
    /// embed a calendar in a larger document.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, BusinessCalendar calendar)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(calendar);

        writer.WriteStartObject();
        if (calendar.Name is { } name)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("zone", calendar.Zone.Id);
        writer.WriteBoolean("aroundTheClock", calendar.IsAroundTheClock);
        if (calendar.IsAroundTheClock)
        {
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject("weeklyHours");
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var hours = calendar.GetWeeklyHours(day);
            if (hours.Count > 0)
            {
                writer.WriteStartArray(DayNames[(int)day - 1]);
                foreach (var interval in hours)
                {
                    writer.WriteStringValue(interval.ToString());
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();

        writer.WriteStartArray("holidays");
        foreach (var holiday in calendar.Holidays.OrderBy(pair => pair.Key))
        {
            writer.WriteStartObject();
            writer.WriteString("date", DatePattern.Format(holiday.Key));
            if (holiday.Value is { } holidayName)
            {
                writer.WriteString("name", holidayName);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("shifts");
        foreach (var shift in calendar.Shifts.OrderBy(pair => pair.Key))
        {
            writer.WriteStartObject();
            writer.WriteString("date", DatePattern.Format(shift.Key));
            writer.WriteStartArray("hours");
            foreach (var interval in shift.Value)
            {
                writer.WriteStringValue(interval.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("breaks");
        foreach (var pause in calendar.Breaks)
        {
            writer.WriteStartObject();
            writer.WriteString("start", FormatLocal(pause.Start));
            writer.WriteString("end", FormatLocal(pause.End));
            if (pause.Reason is { } reason)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static BusinessCalendar LoadDocument(Func<JsonDocument> parse)
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
            throw new DefinitionValidationException(DefaultDefinition, [new ValidationProblem(where, "The text is not valid JSON: " + error.Message)]);
        }

        using (document)
        {
            return Load(document.RootElement);
        }
    }

    private static BusinessCalendar? Read(JsonElement root, List<ValidationProblem> problems, out string definition)
    {
        definition = DefaultDefinition;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem("$", $"A calendar definition is a JSON object, not {Describe(root.ValueKind)}."));
            return null;
        }

        var properties = ReadObject(root, string.Empty, TopLevelProperties, problems);
        var name = properties.TryGetValue("name", out var nameElement) ? ReadString(nameElement, "name", problems) : null;
        if (name is not null)
        {
            definition = $"{DefaultDefinition} '{name}'";
        }

        var zoneId = properties.TryGetValue("zone", out var zoneElement) ? ReadString(zoneElement, "zone", problems) : null;
        var aroundTheClock = false;
        if (properties.TryGetValue("aroundTheClock", out var aroundElement))
        {
            if (aroundElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                aroundTheClock = aroundElement.GetBoolean();
            }
            else if (aroundElement.ValueKind != JsonValueKind.Null)
            {
                problems.Add(new ValidationProblem("aroundTheClock", $"Expected true or false, not {Describe(aroundElement.ValueKind)}."));
            }
        }

        if (aroundTheClock)
        {
            return ReadAroundTheClock(properties, name, zoneId, problems);
        }

        var builder = new BusinessCalendarBuilder(zoneId!);
        if (name is not null)
        {
            builder.WithName(name);
        }

        var sources = new Sources();
        if (properties.TryGetValue("weeklyHours", out var weekly))
        {
            ReadWeeklyHours(weekly, builder, sources, problems);
        }

        if (properties.TryGetValue("holidays", out var holidays))
        {
            ReadHolidays(holidays, builder, sources, problems);
        }

        if (properties.TryGetValue("shifts", out var shifts))
        {
            ReadShifts(shifts, builder, sources, problems);
        }

        if (properties.TryGetValue("breaks", out var breaks))
        {
            ReadBreaks(breaks, builder, sources, problems);
        }

        try
        {
            var calendar = builder.Build();
            return problems.Count == 0 ? calendar : null;
        }
        catch (DefinitionValidationException error)
        {
            definition = error.Definition;
            var reported = new HashSet<string>(problems.Select(p => p.Path), StringComparer.Ordinal);
            foreach (var problem in error.Problems)
            {
                var path = sources.ToJsonPath(problem.Path);

                // The builder sees only the entries that could be read: a zone or hours that were already reported as
                // unreadable would be reported again as missing.
                var alreadyExplained = (path == "zone" && reported.Contains("zone"))
                    || (path == "weeklyHours" && sources.SkippedHours);
                if (!alreadyExplained)
                {
                    problems.Add(new ValidationProblem(path, problem.Message));
                }
            }

            return null;
        }
    }

    private static BusinessCalendar? ReadAroundTheClock(Dictionary<string, JsonElement> properties, string? name, string? zoneId, List<ValidationProblem> problems)
    {
        foreach (var property in new[] { "weeklyHours", "holidays", "shifts", "breaks" })
        {
            if (properties.TryGetValue(property, out var value) && !IsEmpty(value))
            {
                problems.Add(new ValidationProblem(property, "A calendar open around the clock has no " + property + "; remove it or set aroundTheClock to false."));
            }
        }

        DateTimeZone? zone = null;
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            if (!problems.Any(p => p.Path == "zone"))
            {
                problems.Add(new ValidationProblem("zone", "A time zone id is required (an IANA id such as 'Europe/London')."));
            }
        }
        else if ((zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId!)) is null)
        {
            problems.Add(new ValidationProblem("zone", $"'{zoneId}' is not a time zone id known to {DateTimeZoneProviders.Tzdb.VersionId}."));
        }

        if (problems.Count > 0 || zone is null)
        {
            return null;
        }

        var weekly = Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<DailyInterval>)new[] { DailyInterval.AllDay }).ToArray();
        return new BusinessCalendar(name, zone, weekly, [], [], [], aroundTheClock: true);
    }

    private static bool IsEmpty(JsonElement value)
        => value.ValueKind switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.Array => value.GetArrayLength() == 0,
            JsonValueKind.Object => value.EnumerateObject().All(p => IsEmpty(p.Value)),
            _ => false,
        };

    private static void ReadWeeklyHours(JsonElement weekly, BusinessCalendarBuilder builder, Sources sources, List<ValidationProblem> problems)
    {
        if (weekly.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (weekly.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem("weeklyHours", $"Expected an object with a list of hours per day (\"monday\": [\"09:00-17:00\"]), not {Describe(weekly.ValueKind)}."));
            sources.SkippedHours = true;
            return;
        }

        var seen = new HashSet<IsoDayOfWeek>();
        foreach (var property in weekly.EnumerateObject())
        {
            var dayIndex = Array.FindIndex(DayNames, n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase));
            var path = "weeklyHours." + property.Name;
            if (dayIndex < 0)
            {
                problems.Add(new ValidationProblem(path, $"'{property.Name}' is not a day of the week (use monday, tuesday, … sunday)."));
                sources.SkippedHours = true;
                continue;
            }

            var day = (IsoDayOfWeek)(dayIndex + 1);
            if (!seen.Add(day))
            {
                problems.Add(new ValidationProblem(path, $"{DayNames[dayIndex]} is listed more than once; give all its hours in one list."));
                sources.SkippedHours = true;
                continue;
            }

            path = "weeklyHours." + DayNames[dayIndex];
            foreach (var (intervalPath, interval) in ReadIntervals(property.Value, path, sources, problems))
            {
                builder.AddWeeklyHours(day, interval);
                sources.Weekly.Add(intervalPath);
            }
        }
    }

    private static void ReadHolidays(JsonElement holidays, BusinessCalendarBuilder builder, Sources sources, List<ValidationProblem> problems)
    {
        foreach (var (path, item) in ReadArray(holidays, "holidays", problems))
        {
            var properties = ReadObject(item, path, ["date", "name"], problems);
            if (properties.Count == 0 && item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var name = properties.TryGetValue("name", out var nameElement) ? ReadString(nameElement, path + ".name", problems) : null;
            if (ReadDate(properties, path, problems) is { } date)
            {
                builder.AddHoliday(date, name);
                sources.Holidays.Add(path);
            }
        }
    }

    private static void ReadShifts(JsonElement shifts, BusinessCalendarBuilder builder, Sources sources, List<ValidationProblem> problems)
    {
        foreach (var (path, item) in ReadArray(shifts, "shifts", problems))
        {
            var properties = ReadObject(item, path, ["date", "hours"], problems);
            if (properties.Count == 0 && item.ValueKind != JsonValueKind.Object)
            {
                sources.SkippedHours = true;
                continue;
            }

            var date = ReadDate(properties, path, problems);
            if (!properties.TryGetValue("hours", out var hours) || hours.ValueKind == JsonValueKind.Null)
            {
                problems.Add(new ValidationProblem(path + ".hours", "The hours of the date are required (for a closed date, add a holiday instead)."));
                sources.SkippedHours = true;
                continue;
            }

            var intervals = ReadIntervals(hours, path + ".hours", sources, problems);
            if (intervals.Count == 0 && hours.ValueKind == JsonValueKind.Array)
            {
                problems.Add(new ValidationProblem(path + ".hours", "A date with its own hours needs at least one interval (for a closed date, add a holiday instead)."));
                continue;
            }

            if (date is not { } day)
            {
                sources.SkippedHours = true;
                continue;
            }

            if (!sources.ShiftDates.ContainsKey(day))
            {
                sources.ShiftDates.Add(day, path);
            }

            foreach (var (intervalPath, interval) in intervals)
            {
                builder.AddShift(day, interval);
                sources.Shifts.Add(intervalPath);
            }
        }
    }

    private static void ReadBreaks(JsonElement breaks, BusinessCalendarBuilder builder, Sources sources, List<ValidationProblem> problems)
    {
        foreach (var (path, item) in ReadArray(breaks, "breaks", problems))
        {
            var properties = ReadObject(item, path, ["start", "end", "reason"], problems);
            if (properties.Count == 0 && item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var start = ReadLocalDateTime(properties, "start", path, problems);
            var end = ReadLocalDateTime(properties, "end", path, problems);
            var reason = properties.TryGetValue("reason", out var reasonElement) ? ReadString(reasonElement, path + ".reason", problems) : null;
            if (start is { } from && end is { } to)
            {
                builder.AddBreak(from, to, reason);
                sources.Breaks.Add(path);
            }
        }
    }

    private static List<(string Path, DailyInterval Interval)> ReadIntervals(JsonElement hours, string path, Sources sources, List<ValidationProblem> problems)
    {
        var intervals = new List<(string Path, DailyInterval Interval)>();
        foreach (var (itemPath, item) in ReadArray(hours, path, problems))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                problems.Add(new ValidationProblem(itemPath, $"Expected an interval such as \"09:00-17:30\", not {Describe(item.ValueKind)}."));
                sources.SkippedHours = true;
            }
            else if (DailyInterval.TryParse(item.GetString(), out var interval, out var error))
            {
                intervals.Add((itemPath, interval));
            }
            else
            {
                problems.Add(new ValidationProblem(itemPath, error));
                sources.SkippedHours = true;
            }
        }

        if (hours.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            sources.SkippedHours = true;
        }

        return intervals;
    }

    private static LocalDate? ReadDate(Dictionary<string, JsonElement> properties, string path, List<ValidationProblem> problems)
    {
        if (!properties.TryGetValue("date", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ValidationProblem(path + ".date", "A date (uuuu-MM-dd) is required."));
            return null;
        }

        var text = ReadString(element, path + ".date", problems);
        if (text is null)
        {
            return null;
        }

        var result = DatePattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(new ValidationProblem(path + ".date", $"'{text}' is not a date of the form uuuu-MM-dd."));
        return null;
    }

    private static LocalDateTime? ReadLocalDateTime(Dictionary<string, JsonElement> properties, string property, string path, List<ValidationProblem> problems)
    {
        var propertyPath = path + "." + property;
        if (!properties.TryGetValue(property, out var element) || element.ValueKind == JsonValueKind.Null)
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

    private static string? ReadString(JsonElement element, string path, List<ValidationProblem> problems)
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

    private static IEnumerable<(string Path, JsonElement Item)> ReadArray(JsonElement array, string path, List<ValidationProblem> problems)
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

    /// <summary>The properties of an object by name, reporting unknown and repeated ones; empty for a non-object.</summary>
    private static Dictionary<string, JsonElement> ReadObject(JsonElement element, string path, string[] known, List<ValidationProblem> problems)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path.Length == 0 ? "$" : path, $"Expected an object, not {Describe(element.ValueKind)}."));
            return properties;
        }

        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = path.Length == 0 ? property.Name : path + "." + property.Name;
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

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string FormatLocal(LocalDateTime value)
        => value.Second == 0 && value.NanosecondOfSecond == 0 ? MinutePattern.Format(value) : PrecisePattern.Format(value);

    /// <summary>
    /// Where each entry handed to the builder came from in the document, so the builder's problems, which it numbers by
    /// the order of its calls, can be reported at their JSON paths.
    /// </summary>
    private sealed class Sources
    {
        public List<string> Weekly { get; } = [];

        public List<string> Holidays { get; } = [];

        public List<string> Shifts { get; } = [];

        public List<string> Breaks { get; } = [];

        public Dictionary<LocalDate, string> ShiftDates { get; } = [];

        /// <summary>True when some hours could not be read, so the builder's "no open time" may be wrong.</summary>
        public bool SkippedHours { get; set; }

        public string ToJsonPath(string builderPath)
        {
            var indexed = IndexedBuilderPath.Match(builderPath);
            if (indexed.Success)
            {
                var list = indexed.Groups[1].Value switch
                {
                    "weeklyHours" => Weekly,
                    "holidays" => Holidays,
                    "shifts" => Shifts,
                    _ => Breaks,
                };
                var index = int.Parse(indexed.Groups[2].Value, CultureInfo.InvariantCulture);
                return index < list.Count ? list[index] + indexed.Groups[3].Value : builderPath;
            }

            var day = DayBuilderPath.Match(builderPath);
            if (day.Success && Enum.TryParse<IsoDayOfWeek>(day.Groups[1].Value, out var dayOfWeek) && dayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday)
            {
                return "weeklyHours." + DayNames[(int)dayOfWeek - 1] + day.Groups[2].Value;
            }

            var shift = ShiftDateBuilderPath.Match(builderPath);
            if (shift.Success && DatePattern.Parse(shift.Groups[1].Value) is { Success: true } date && ShiftDates.TryGetValue(date.Value, out var shiftPath))
            {
                return shiftPath + shift.Groups[2].Value;
            }

            return builderPath;
        }
    }
}
