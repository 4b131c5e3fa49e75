using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>
/// Replays every committed golden stream (written by each released schema version) and compares the state with the
/// values it had when it was written, so a schema change cannot silently break stored incidents.
/// Set <c>CUSTOMERADVOCACY_WRITE_GOLDEN=1</c> to write the missing files of the current schema version.
/// </summary>
public sealed class GoldenStreamTests
{
    private const string GoldenDirectory = "tests/CustomerAdvocacy.Tests/Storage/golden";

    private static readonly IncidentEventSerializer Serializer = new();

    private static readonly Dictionary<string, Action<Incident>> Expectations = new(StringComparer.Ordinal)
    {
        ["v1/open-to-reviewed.json"] = i =>
        {
            Assert.Equal(GoldenStreams.ReviewedId, i.Id);
            Assert.Equal(IncidentState.Reviewed, i.State);
            Assert.Equal(16, i.Version);
            Assert.Equal("customer-acme", i.CustomerId);
            Assert.Equal("owner-1", i.AccountableOwnerId);
            Assert.Equal(new[] { "c1", "c2" }, i.Criteria.Select(c => c.Id));
            Assert.All(i.Criteria, c => Assert.True(c.IsMet));
            Assert.Equal("checked c2", i.Criteria[1].Evidence);
            Assert.Equal(Duration.FromHours(24), i.Perspective!.TimeAllowed);
            Assert.Equal(Instant.FromUtc(2026, 4, 1, 9, 0), i.PlanTargetDate);
            Assert.Equal("customer-1", i.LastConfirmation!.By.Id);
            Assert.Equal(Instant.FromUtc(2026, 3, 3, 14, 0), i.LastConfirmation.At);
            var call = Assert.Single(i.Conversations);
            Assert.Equal("Zoë Ñúñez \"the CTO\"", call.Participants[2]);
        },
        ["v1/disputed.json"] = i =>
        {
            Assert.Equal(GoldenStreams.DisputedId, i.Id);
            Assert.Equal(IncidentState.ResolutionProposed, i.State);
            Assert.Equal(12, i.Version);
            Assert.Equal(new[] { "c1", "c2" }, i.Criteria.Select(c => c.Id));
            Assert.All(i.Criteria, c => Assert.True(c.IsMet));
            Assert.Equal(Instant.FromUtc(2026, 3, 5, 9, 0), i.Criteria[1].MetAt);
            Assert.Null(i.LastConfirmation);
        },
        ["v1/handoff-and-commitments.json"] = i =>
        {
            Assert.Equal(GoldenStreams.HandoffId, i.Id);
            Assert.Equal(IncidentState.Executing, i.State);
            Assert.Equal(17, i.Version);
            Assert.Equal("engineer-7", i.AccountableOwnerId);
            Assert.Null(i.PendingSuccessorId);
            Assert.Equal(new[] { ("k1", CommitmentStatus.Delivered), ("k2", CommitmentStatus.Missed) }, i.Commitments.Select(c => (c.Id, c.Status)));
            Assert.Equal(new[] { "c1", "c9" }, i.Criteria.Select(c => c.Id));
            Assert.Empty(i.PendingCriteriaChange);
            Assert.Equal(new[] { "REC-2", "REC-4" }, i.RelatedRecurrences);
            Assert.Equal(new[] { GoldenStreams.SplitOffId }, i.LinkedIncidents);
        },
        ["v1/commitment-offers.json"] = i =>
        {
            Assert.Equal(GoldenStreams.OffersId, i.Id);
            Assert.Equal(IncidentState.Engaged, i.State);
            var made = Assert.Single(i.Commitments);
            Assert.Equal(("k1", CommitmentStatus.Open, Instant.FromUtc(2026, 3, 3, 5, 0)), (made.Id, made.Status, made.Due));
        },
        ["v1/sub-processes.json"] = SubProcessGoldenExpectations.Everything,
        ["v1/sub-process-trial-declined.json"] = SubProcessGoldenExpectations.TrialDeclined,
        ["v1/sub-process-trial-purchased.json"] = SubProcessGoldenExpectations.TrialPurchased,
        ["v1/service-levels.json"] = i =>
        {
            Assert.Equal(GoldenStreams.ServiceLevelsId, i.Id);
            Assert.Equal((IncidentState.Resolved, 25L), (i.State, i.Version));
            Assert.Empty(i.CommitmentOffers);
            Assert.Empty(i.Commitments);
            var levels = i.ServiceLevels!;
            Assert.Equal(
                new ServiceLevelDeadline(ServiceLevelKind.FirstResponse, 0, new ServiceLevelSchedule(Instant.FromUtc(2026, 3, 2, 9, 0), Instant.FromUtc(2026, 3, 2, 12, 0), Instant.FromUtc(2026, 3, 2, 13, 0)))
                {
                    WarningRaised = true,
                    Breached = true,
                    StoppedAt = Instant.FromUtc(2026, 3, 2, 13, 0),
                },
                levels.FirstResponse);
            Assert.Equal(
                new ServiceLevelDeadline(ServiceLevelKind.Update, 4, new ServiceLevelSchedule(Instant.FromUtc(2026, 3, 4, 10, 0), Instant.FromUtc(2026, 3, 4, 16, 0), Instant.FromUtc(2026, 3, 5, 9, 30)))
                {
                    StoppedAt = Instant.FromUtc(2026, 3, 4, 10, 0),
                },
                levels.Update);
            Assert.Equal((1, 1), (levels.UpdatesDelivered, levels.UpdatesMissed));
            Assert.Equal((Instant.FromUtc(2026, 3, 13, 12, 30), false, Instant.FromUtc(2026, 3, 4, 10, 0)), (levels.Resolution.Schedule.Due, levels.Resolution.Breached, levels.Resolution.StoppedAt));
        },
    };

    public static IEnumerable<object[]> GoldenFiles() => Expectations.Keys.Select(k => new object[] { k });

    [Fact]
    public void GoldenDirectory_EveryFileHasExpectations()
    {
        WriteCurrentIfAsked();
        var root = RepositoryFiles.PathOf(GoldenDirectory);
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(Expectations.Keys.OrderBy(k => k, StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Replay_GoldenStream_ReachesRecordedState(string file)
    {
        WriteCurrentIfAsked();
        var (id, stored) = Read(file);
        var events = stored.Select(s => Serializer.Deserialize(id, s.Version, s.Event)).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
        Expectations[file](IncidentEvolver.Replay(id, events));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Serialize_GoldenEventOfCurrentSchema_WritesTheSamePayload(string file)
    {
        var (id, stored) = Read(file);
        foreach (var (version, e) in stored.Where(s => s.Event.SchemaVersion == IncidentEventSerializer.CurrentSchemaVersion))
        {
            var again = Serializer.Serialize(Serializer.Deserialize(id, version, e));
            Assert.Equal(e.EventType, again.EventType);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.Payload), JsonNode.Parse(again.Payload)), $"version {version}: {e.Payload} became {again.Payload}");
        }
    }

    private static (IncidentId Id, List<(long Version, SerializedEvent Event)> Events) Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.PathOf(GoldenDirectory), file)));
        var root = document.RootElement;
        var id = new IncidentId(root.GetProperty("incidentId").GetGuid());
        var events = root.GetProperty("events").EnumerateArray().Select(e => (
            e.GetProperty("version").GetInt64(),
            new SerializedEvent(e.GetProperty("eventType").GetString()!, e.GetProperty("schemaVersion").GetInt32(), e.GetProperty("payload").GetRawText()))).ToList();
        return (id, events);
    }

    private static void WriteCurrentIfAsked()
    {
        if (Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_WRITE_GOLDEN") != "1")
        {
            return;
        }

        var directory = Path.Combine(RepositoryFiles.PathOf(GoldenDirectory), "v" + IncidentEventSerializer.CurrentSchemaVersion);
        Directory.CreateDirectory(directory);
        foreach (var (name, events) in GoldenStreams.All())
        {
            var file = Path.Combine(directory, name + ".json");
            if (File.Exists(file))
            {
                // A golden file is what a past run wrote; it is never rewritten, only added.
                continue;
            }

            var stream = new JsonObject
            {
                ["incidentId"] = events[0].IncidentId.ToString(),
                ["events"] = new JsonArray(events.Select(e =>
                {
                    var s = Serializer.Serialize(e);
                    return (JsonNode)new JsonObject
                    {
                        ["version"] = e.Version,
                        ["eventType"] = s.EventType,
                        ["schemaVersion"] = s.SchemaVersion,
                        ["payload"] = JsonNode.Parse(s.Payload),
                    };
                }).ToArray()),
            };
            File.WriteAllText(file, stream.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
