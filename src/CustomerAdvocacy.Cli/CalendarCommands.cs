using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerAdvocacy.Scheduling;
using NodaTime;
using Spectre.Console;

namespace CustomerAdvocacy.Cli;

/// <summary><c>advocacy calendar &lt;calendar.json&gt; add|between|next-open|slots</c>: business-time arithmetic for operators checking a calendar file.</summary>
internal static class CalendarCommands
{
    internal static Command Build()
    {
        var file = new Argument<string>("calendar.json") { Description = "A business calendar in the library's JSON form (see docs/examples/calendar.json)." };
        var command = new Command("calendar", "Computes deadlines and maintenance slots in a business calendar file, in the calendar's zone.") { file };

        var from = new Option<string>("--from") { Description = "The start: 2026-12-24T16:00 (in the calendar's zone) or 2026-12-24T16:00Z.", Required = true };
        var duration = new Option<string>("--duration") { Description = "Business time to add: an ISO 8601 duration such as PT4H or P2DT1H.", Required = true };
        var add = new Command("add", "The instant a given amount of business time after --from.") { from, duration };
        add.SetAction((r, ct) => AdvocacyCommands.Run(_ => Add(Load(r.GetValue(file)!), r.GetValue(from)!, r.GetValue(duration)!), ct));
        command.Subcommands.Add(add);

        var betweenFrom = new Option<string>("--from") { Description = "The start of the range.", Required = true };
        var to = new Option<string>("--to") { Description = "The end of the range.", Required = true };
        var between = new Command("between", "The business time between --from and --to.") { betweenFrom, to };
        between.SetAction((r, ct) => AdvocacyCommands.Run(_ => Between(Load(r.GetValue(file)!), r.GetValue(betweenFrom)!, r.GetValue(to)!), ct));
        command.Subcommands.Add(between);

        var at = new Option<string>("--at") { Description = "The instant to look from.", Required = true };
        var nextOpen = new Command("next-open", "Whether the calendar is open at --at, and when it next opens.") { at };
        nextOpen.SetAction((r, ct) => AdvocacyCommands.Run(_ => NextOpen(Load(r.GetValue(file)!), r.GetValue(at)!), ct));
        command.Subcommands.Add(nextOpen);

        var slotsFrom = new Option<string>("--from") { Description = "The earliest start.", Required = true };
        var length = new Option<string>("--length") { Description = "How long the maintenance takes: an ISO 8601 duration such as PT4H.", Required = true };
        var blackouts = new Option<string?>("--blackouts") { Description = "A blackout set JSON file (see docs/examples/blackouts.json); none by default." };
        var count = new Option<int>("--count") { Description = "How many slots to list (1 to 20).", DefaultValueFactory = _ => 3 };
        var slots = new Command("slots", "The earliest maintenance slots: inside the calendar's open hours and outside every blackout.") { slotsFrom, length, blackouts, count };
        slots.SetAction((r, ct) => AdvocacyCommands.Run(_ => Slots(Load(r.GetValue(file)!), r.GetValue(slotsFrom)!, r.GetValue(length)!, r.GetValue(blackouts), r.GetValue(count)), ct));
        command.Subcommands.Add(slots);
        return command;
    }

    private static BusinessCalendar Load(string path)
    {
        var json = ReadFile(path, "calendar");
        try
        {
            return BusinessCalendarJson.Load(json);
        }
        catch (Exception e) when (e is DefinitionValidationException or JsonException)
        {
            throw new UserErrorException($"{path} is not a valid calendar: {e.Message}", e);
        }
    }

    private static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"cannot read the {what} file '{path}': {e.Message}", e);
        }
    }

    private static Task Add(BusinessCalendar calendar, string fromText, string durationText)
    {
        var from = TimeText.ParseInstant(fromText, calendar.Zone, "--from");
        var businessTime = TimeText.ParseDuration(durationText, "--duration");
        var due = calendar.Add(from, businessTime);
        Write(calendar, ("from", TimeText.InZone(from, calendar.Zone)), ("business time", TimeText.Hours(businessTime)), ("due", TimeText.InZone(due, calendar.Zone)), ("due (UTC)", due.ToString()));
        return Task.CompletedTask;
    }

    private static Task Between(BusinessCalendar calendar, string fromText, string toText)
    {
        var from = TimeText.ParseInstant(fromText, calendar.Zone, "--from");
        var to = TimeText.ParseInstant(toText, calendar.Zone, "--to");
        if (to < from)
        {
            throw new UserErrorException("--to is before --from.");
        }

        var businessTime = calendar.BusinessTimeBetween(from, to);
        Write(calendar, ("from", TimeText.InZone(from, calendar.Zone)), ("to", TimeText.InZone(to, calendar.Zone)), ("business time", TimeText.Hours(businessTime)), ("elapsed", TimeText.Hours(to - from)));
        return Task.CompletedTask;
    }

    private static Task NextOpen(BusinessCalendar calendar, string atText)
    {
        var at = TimeText.ParseInstant(atText, calendar.Zone, "--at");
        var open = calendar.IsOpen(at);
        var next = calendar.GetNextOpening(at);
        Write(calendar, ("at", TimeText.InZone(at, calendar.Zone)), ("open", open ? "yes" : "no"), ("next opening", TimeText.InZone(next, calendar.Zone)));
        return Task.CompletedTask;
    }

    private static Task Slots(BusinessCalendar calendar, string fromText, string lengthText, string? blackoutsPath, int count)
    {
        if (count is < 1 or > 20)
        {
            throw new UserErrorException($"--count must be between 1 and 20 (was {count}).");
        }

        var from = TimeText.ParseInstant(fromText, calendar.Zone, "--from");
        var length = TimeText.ParseDuration(lengthText, "--length");
        if (length <= Duration.Zero)
        {
            throw new UserErrorException("--length must be positive.");
        }

        BlackoutSet blackouts;
        try
        {
            blackouts = blackoutsPath is null ? new BlackoutSetBuilder(calendar.Zone).Build() : BlackoutSetJson.Load(ReadFile(blackoutsPath, "blackouts"));
        }
        catch (Exception e) when (e is DefinitionValidationException or JsonException)
        {
            throw new UserErrorException($"{blackoutsPath} is not a valid blackout set: {e.Message}", e);
        }

        var finder = new MaintenanceWindowFinder(calendar, blackouts);
        var table = new Table().Title(Markup.Escape($"{calendar} outside {blackouts}")).AddColumn("#").AddColumn("start").AddColumn("end");
        var searchFrom = from;
        for (var i = 1; i <= count; i++)
        {
            var search = finder.FindEarliest(searchFrom, length);
            if (!search.IsFound)
            {
                table.AddRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(search.Explanation), string.Empty);
                break;
            }

            table.AddRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(TimeText.InZone(search.Slot.Start, calendar.Zone)), Markup.Escape(TimeText.InZone(search.Slot.End, calendar.Zone)));
            searchFrom = search.Slot.End;
        }

        AnsiConsole.Write(table);
        return Task.CompletedTask;
    }

    private static void Write(BusinessCalendar calendar, params (string Name, string Value)[] rows)
    {
        var table = new Table().Title(Markup.Escape(calendar.ToString())).AddColumn("").AddColumn("");
        table.ShowHeaders = false;
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        AnsiConsole.Write(table);
    }
}
