using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Storage.Serialization;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>
/// The event type map and the source-generated contracts: every event record is registered once, under its own
/// <c>TypeName</c>, with a generated contract, and what the contracts write is the stored layout byte for byte.
/// </summary>
public sealed class StoredEventTypeMapTests
{
    private const string GoldenDirectory = "tests/CustomerAdvocacy.Tests/Storage/golden";

    [Fact]
    public void TypeMap_EveryConcreteEventRecord_IsRegisteredUnderItsTypeNameWithAGeneratedContract()
    {
        var records = typeof(IncidentEvent).Assembly.GetTypes()
            .Where(t => typeof(IncidentEvent).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        var registered = IncidentEventSerializer.KnownEventRecords.ToList();
        Assert.Equal(records, registered.Select(r => r.Record).OrderBy(t => t.FullName, StringComparer.Ordinal));
        Assert.All(registered, r =>
        {
            Assert.Equal(r.Record.GetField("TypeName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null), r.Name);
            Assert.NotNull(StoredEventContext.Default.GetTypeInfo(r.Record));
        });
    }

    [Fact]
    public void Serialize_EveryGoldenEventOfCurrentSchema_WritesTheStoredBytesExactly()
    {
        var serializer = new IncidentEventSerializer();
        var root = RepositoryFiles.PathOf(GoldenDirectory);
        var checkedEvents = 0;
        foreach (var file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var id = new IncidentId(document.RootElement.GetProperty("incidentId").GetGuid());
            foreach (var e in document.RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("schemaVersion").GetInt32() == IncidentEventSerializer.CurrentSchemaVersion))
            {
                var stored = new SerializedEvent(e.GetProperty("eventType").GetString()!, IncidentEventSerializer.CurrentSchemaVersion, e.GetProperty("payload").GetRawText());
                var again = serializer.Serialize(serializer.Deserialize(id, e.GetProperty("version").GetInt64(), stored));

                // The golden files are indented; the stored text is the same nodes, in the same order, written compactly.
                Assert.Equal(JsonNode.Parse(stored.Payload)!.ToJsonString(), again.Payload);
                checkedEvents++;
            }
        }

        Assert.True(checkedEvents > 77, $"only {checkedEvents} golden events");
    }
}
