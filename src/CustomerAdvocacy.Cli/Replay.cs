using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Sqlite;
using NodaTime;
using Spectre.Console;

namespace CustomerAdvocacy.Cli;

/// <summary><c>advocacy replay &lt;db&gt; &lt;incident-id&gt;</c>: an incident's events, in order, and the state they fold to.</summary>
internal static class Replay
{
    internal static async Task RunAsync(string path, string incidentText, string zoneId, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UserErrorException($"no store at '{path}'.");
        }

        if (!Guid.TryParse(incidentText, out var guid))
        {
            throw new UserErrorException($"'{incidentText}' is not an incident id (a GUID such as {DemoScenario.IncidentId}).");
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw new UserErrorException($"--zone: '{zoneId}' is not a time zone id (for example Europe/London).");
        var id = new IncidentId(guid);
        using var store = new SqliteIncidentStore($"Data Source={path};Mode=ReadWrite;Pooling=False");
        var events = await store.ReadStreamAsync(id, 1, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            throw new UserErrorException($"the store '{path}' has no incident {id}.");
        }

        var table = new Table().Title(Markup.Escape($"Incident {id}")).AddColumn("#").AddColumn("When").AddColumn("Event").AddColumn("By");
        foreach (var e in events)
        {
            table.AddRow(
                e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(TimeText.InZone(e.Metadata.OccurredAt, zone)),
                Markup.Escape(e.EventType),
                Markup.Escape($"{e.Metadata.Actor.Id} ({e.Metadata.Actor.Role})"));
        }

        AnsiConsole.Write(table);
        var incident = IncidentEvolver.Replay(id, events);
        AnsiConsole.MarkupLine(Markup.Escape($"State: {incident.State} at version {incident.Version}; criteria met: {incident.Criteria.Count(c => c.IsMet)}/{incident.Criteria.Count}; commitments outstanding: {incident.Commitments.Count(c => c.IsOutstanding)}."));
    }
}
