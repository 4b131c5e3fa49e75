using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

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

    private static readonly string[] DayNames = DefinitionJson.DayNames;
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
        return DefinitionJson.Load(json, DefaultDefinition, Load);
    }

    /// <summary>Loads a calendar from a stream of UTF-8 JSON, read to its end; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="DefinitionValidationException">The content is not valid JSON or the calendar it describes is
    /// invalid; every problem is listed.</exception>
    public static BusinessCalendar Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        return DefinitionJson.Load(utf8Json, DefaultDefinition, Load);
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
        return DefinitionJson.Save(writer => Write(writer, calendar));
    }

    /// <summary>Writes <paramref name="calendar"/> to <paramref name="utf8Json"/> as indented UTF-8 JSON; the stream
    /// is flushed, not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Save(BusinessCalendar calendar, Stream utf8Json)
    {
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckNotNull(utf8Json);
        DefinitionJson.Save(utf8Json, writer => Write(writer, calendar));
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
            writer.WriteString("date", DefinitionJson.DatePattern.Format(holiday.Key));
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
            writer.WriteString("date", DefinitionJson.DatePattern.Format(shift.Key));
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
            writer.WriteString("start", DefinitionJson.FormatLocal(pause.Start));
            writer.WriteString("end", DefinitionJson.FormatLocal(pause.End));
            if (pause.Reason is { } reason)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads a calendar embedded in a larger definition at <paramref name="path"/>, adding its problems, with their
    /// paths under <paramref name="path"/>, to <paramref name="problems"/>; null when it has any.
    /// </summary>
    internal static BusinessCalendar? Read(JsonElement element, string path, List<ValidationProblem> problems)
    {
        var own = new List<ValidationProblem>();
        var calendar = Read(element, own, out _);
        problems.AddRange(own.Select(p => new ValidationProblem(p.Path == "$" ? path : DefinitionJson.Child(path, p.Path), p.Message)));
        return own.Count == 0 ? calendar : null;
    }

    private static BusinessCalendar? Read(JsonElement root, List<ValidationProblem> problems, out string definition)
    {
        definition = DefaultDefinition;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem("$", $"A calendar definition is a JSON object, not {DefinitionJson.Describe(root.ValueKind)}."));
            return null;
        }

        var properties = DefinitionJson.ReadObject(root, string.Empty, TopLevelProperties, problems);
        var name = properties.TryGetValue("name", out var nameElement) ? DefinitionJson.ReadString(nameElement, "name", problems) : null;
        if (name is not null)
        {
            definition = $"{DefaultDefinition} '{name}'";
        }

        var zoneId = properties.TryGetValue("zone", out var zoneElement) ? DefinitionJson.ReadString(zoneElement, "zone", problems) : null;
        var aroundTheClock = false;
        if (properties.TryGetValue("aroundTheClock", out var aroundElement))
        {
            if (aroundElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                aroundTheClock = aroundElement.GetBoolean();
            }
            else if (aroundElement.ValueKind != JsonValueKind.Null)
            {
                problems.Add(new ValidationProblem("aroundTheClock", $"Expected true or false, not {DefinitionJson.Describe(aroundElement.ValueKind)}."));
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

        return BusinessCalendar.AroundTheClock(zone, name);
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
            problems.Add(new ValidationProblem("weeklyHours", $"Expected an object with a list of hours per day (\"monday\": [\"09:00-17:00\"]), not {DefinitionJson.Describe(weekly.ValueKind)}."));
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
        foreach (var (path, item) in DefinitionJson.ReadArray(holidays, "holidays", problems))
        {
            var properties = DefinitionJson.ReadObject(item, path, ["date", "name"], problems);
            if (properties.Count == 0 && item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var name = properties.TryGetValue("name", out var nameElement) ? DefinitionJson.ReadString(nameElement, path + ".name", problems) : null;
            if (DefinitionJson.ReadDate(properties, "date", path, problems) is { } date)
            {
                builder.AddHoliday(date, name);
                sources.Holidays.Add(path);
            }
        }
    }

    private static void ReadShifts(JsonElement shifts, BusinessCalendarBuilder builder, Sources sources, List<ValidationProblem> problems)
    {
        foreach (var (path, item) in DefinitionJson.ReadArray(shifts, "shifts", problems))
        {
            var properties = DefinitionJson.ReadObject(item, path, ["date", "hours"], problems);
            if (properties.Count == 0 && item.ValueKind != JsonValueKind.Object)
            {
                sources.SkippedHours = true;
                continue;
            }

            var date = DefinitionJson.ReadDate(properties, "date", path, problems);
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
        foreach (var (path, item) in DefinitionJson.ReadArray(breaks, "breaks", problems))
        {
            var properties = DefinitionJson.ReadObject(item, path, ["start", "end", "reason"], problems);
            if (properties.Count == 0 && item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var start = DefinitionJson.ReadLocalDateTime(properties, "start", path, problems);
            var end = DefinitionJson.ReadLocalDateTime(properties, "end", path, problems);
            var reason = properties.TryGetValue("reason", out var reasonElement) ? DefinitionJson.ReadString(reasonElement, path + ".reason", problems) : null;
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
        foreach (var (itemPath, item) in DefinitionJson.ReadArray(hours, path, problems))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                problems.Add(new ValidationProblem(itemPath, $"Expected an interval such as \"09:00-17:30\", not {DefinitionJson.Describe(item.ValueKind)}."));
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
            if (shift.Success && DefinitionJson.DatePattern.Parse(shift.Groups[1].Value) is { Success: true } date && ShiftDates.TryGetValue(date.Value, out var shiftPath))
            {
                return shiftPath + shift.Groups[2].Value;
            }

            return builderPath;
        }
    }
}
