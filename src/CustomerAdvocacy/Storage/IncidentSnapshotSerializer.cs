using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// A stored snapshot: an incident's folded state at a version, as JSON, with the fingerprint of the state's shape
/// it was written under.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Version">The version of the last event folded into the state (at least 1).</param>
/// <param name="Fingerprint">The <see cref="IncidentSnapshotSerializer.Fingerprint"/> of the serializer that wrote it.</param>
/// <param name="Payload">The state as JSON.</param>
public sealed record IncidentSnapshot(IncidentId IncidentId, long Version, string Fingerprint, string Payload);

/// <summary>
/// Turns an <see cref="Incident"/> into a snapshot and back. Unlike events, snapshots are a cache: their JSON is
/// derived by reflection from the fields of the <see cref="Incident"/> record graph (so a field added to the state is
/// snapshotted without code here), and each carries a <see cref="Fingerprint"/> of that graph's shape. A snapshot
/// written under another shape, or one that cannot be read, is refused and the incident is replayed from its
/// events: a snapshot can cost a replay, never a wrong state. Thread-safe.
/// </summary>
public sealed class IncidentSnapshotSerializer
{
    private readonly JsonSerializerOptions _options;
    private readonly StateGraphConverterFactory _graph;
    private readonly Lazy<(string? Fingerprint, string? Problem)> _shape;

    /// <summary>Creates the serializer; the state's shape is examined on first use.</summary>
    public IncidentSnapshotSerializer()
    {
        _graph = new StateGraphConverterFactory(typeof(Incident).Assembly);
        _options = new JsonSerializerOptions { WriteIndented = false, MaxDepth = 64 };
        _options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

        // Ahead of NodaTime's own instant converter: the same text, read without the general pattern parser.
        _options.Converters.Insert(0, new WrittenInstantConverter());
        _options.Converters.Add(new EquatableListConverterFactory());
        _options.Converters.Add(new HashSetConverterFactory());
        _options.Converters.Add(IncidentEventSerializer.OwnStoredFormConverter);
        _options.Converters.Add(_graph);
        _shape = new Lazy<(string?, string?)>(ComputeShape);
    }

    /// <summary>
    /// The fingerprint of the current <see cref="Incident"/> shape: a hash of every type, field name and field type
    /// reachable from it. <see langword="null"/> when the shape holds something a snapshot cannot represent (see
    /// <see cref="UnsupportedReason"/>); then no snapshot is written or read.
    /// </summary>
    public string? Fingerprint => _shape.Value.Fingerprint;

    /// <summary>Why the current shape cannot be snapshotted; <see langword="null"/> when it can.</summary>
    public string? UnsupportedReason => _shape.Value.Problem;

    /// <summary>Writes a snapshot of an incident's state.</summary>
    /// <param name="incident">The state; at least version 1.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">The incident has no events yet.</exception>
    /// <exception cref="NotSupportedException">The state's shape cannot be snapshotted (<see cref="UnsupportedReason"/>).</exception>
    public IncidentSnapshot Serialize(Incident incident)
    {
        Preconditions.CheckNotNull(incident);
        if (incident.Version < 1)
        {
            throw new ArgumentException("An incident without events has nothing to snapshot.", nameof(incident));
        }

        var fingerprint = Fingerprint ?? throw new NotSupportedException("Incidents cannot be snapshotted: " + UnsupportedReason);
        return new IncidentSnapshot(incident.Id, incident.Version, fingerprint, JsonSerializer.Serialize(incident, _options));
    }

    /// <summary>Reads a snapshot when it was written under the current shape and is intact.</summary>
    /// <param name="snapshot">The stored snapshot.</param>
    /// <param name="incident">The state, when readable.</param>
    /// <param name="problem">Why it was refused, when not.</param>
    /// <returns>Whether the snapshot could be used.</returns>
    public bool TryDeserialize(IncidentSnapshot snapshot, out Incident? incident, out string? problem)
    {
        Preconditions.CheckNotNull(snapshot);
        incident = null;
        if (Fingerprint is not { } fingerprint)
        {
            problem = "incidents cannot be snapshotted: " + UnsupportedReason;
            return false;
        }

        if (!string.Equals(snapshot.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            problem = $"it was written for state shape {snapshot.Fingerprint}, not the current {fingerprint}";
            return false;
        }

        try
        {
            var read = JsonSerializer.Deserialize<Incident>(snapshot.Payload ?? string.Empty, _options);
            if (read is null || read.Id != snapshot.IncidentId || read.Version != snapshot.Version)
            {
                problem = "its state names another incident or version than the snapshot";
                return false;
            }

            incident = read;
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or InvalidCastException or FormatException)
        {
            problem = "it is corrupt: " + ex.Message;
            return false;
        }
    }

    private (string?, string?) ComputeShape()
    {
        try
        {
            var text = new StringBuilder("customer-advocacy-snapshot/1\n");
            _graph.Describe(typeof(Incident), text, new HashSet<Type>());
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            return (string.Concat(hash.Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))), null);
        }
        catch (NotSupportedException ex)
        {
            return (null, ex.Message);
        }
    }
}
