using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>
/// docs/events.md lists every stored event type with its schema version and payload fields. The table is generated
/// from the serializer's type table and the committed golden streams, which the current serializer reads; this test
/// fails when the committed table differs. To update it: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release.
/// </summary>
public sealed class EventsDocTests
{
    private const string DocPath = "docs/events.md";
    private const string GoldenDirectory = "tests/CustomerAdvocacy.Tests/Storage/golden";
    private const string Begin = "<!-- generated: event types (EventsDocTests) -->";
    private const string End = "<!-- end generated -->";
    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "occurredAt", "actor", "commandId" };

    [Fact]
    public void EventTypeTable_Always_MatchesSerializerAndGoldenStreams()
    {
        var table = GenerateTable();
        var path = RepositoryFiles.PathOf(DocPath);
        var text = RepositoryFiles.ReadAllText(DocPath);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} has no generated section between '{Begin}' and '{End}'.");
        var updated = text.Substring(0, start + Begin.Length) + "\n" + table + text.Substring(end);
        if (Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, updated);
            text = updated;
        }

        Assert.True(
            text == updated,
            $"The event table in {DocPath} is stale. Regenerate it with CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release and commit the result.");
    }

    [Fact]
    public void GoldenStreamsOfTheCurrentSchema_Always_CoverEveryEventType()
    {
        var covered = Samples().Keys;
        Assert.Empty(IncidentEventSerializer.KnownEventTypes.Except(covered, StringComparer.Ordinal));
    }

    private static string GenerateTable()
    {
        var samples = Samples();
        var text = new StringBuilder();
        text.Append("| Type name | Schema version | Event | Payload fields besides occurredAt, actor, commandId | Example |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var type in IncidentEventSerializer.KnownEventTypes.OrderBy(t => t, StringComparer.Ordinal))
        {
            var (clrName, fields, file) = samples.TryGetValue(type, out var sample) ? sample : ("?", "(no golden sample)", "");
            text.Append("| `").Append(type).Append("` | ").Append(IncidentEventSerializer.CurrentSchemaVersion)
                .Append(" | `").Append(clrName).Append("` | ").Append(fields)
                .Append(" | ").Append(file.Length == 0 ? "" : "`" + file + "`").Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>Per type name: the CLR event it reads into, its payload fields, and the first golden file holding one.</summary>
    private static Dictionary<string, (string ClrName, string Fields, string File)> Samples()
    {
        var serializer = new IncidentEventSerializer();
        var root = RepositoryFiles.PathOf(GoldenDirectory);
        var directory = Path.Combine(root, "v" + IncidentEventSerializer.CurrentSchemaVersion);
        var samples = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var incidentId = new IncidentId(document.RootElement.GetProperty("incidentId").GetGuid());
            foreach (var stored in document.RootElement.GetProperty("events").EnumerateArray())
            {
                var type = stored.GetProperty("eventType").GetString()!;
                if (samples.ContainsKey(type))
                {
                    continue;
                }

                var payload = stored.GetProperty("payload");
                var read = serializer.Deserialize(
                    incidentId,
                    stored.GetProperty("version").GetInt64(),
                    new SerializedEvent(type, stored.GetProperty("schemaVersion").GetInt32(), payload.GetRawText()));
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                samples.Add(type, (read.GetType().Name, Fields(payload), relative));
            }
        }

        return samples;
    }

    private static string Fields(JsonElement payload)
    {
        var fields = payload.EnumerateObject().Where(p => !Envelope.Contains(p.Name)).Select(Field).ToArray();
        return fields.Length == 0 ? "(none)" : string.Join(", ", fields);
    }

    private static string Field(JsonProperty property)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Object)
        {
            return "`" + property.Name + "` {" + string.Join(", ", value.EnumerateObject().Select(p => "`" + p.Name + "`")) + "}";
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Object)
        {
            return "`" + property.Name + "` [{" + string.Join(", ", value[0].EnumerateObject().Select(p => "`" + p.Name + "`")) + "}]";
        }

        return "`" + property.Name + "`" + (value.ValueKind == JsonValueKind.Array ? " []" : string.Empty);
    }
}
