using System.Text.Json.Nodes;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// Rewrites the payload of a stored event written under an older (or renamed) schema into the next one. The
/// <see cref="IncidentEventSerializer"/> chains upcasters until it reaches a current type and schema version, so
/// old streams are read, never rewritten.
/// </summary>
public abstract class IncidentEventUpcaster
{
    /// <summary>The stored type name this upcaster reads.</summary>
    public abstract string FromEventType { get; }

    /// <summary>The stored schema version this upcaster reads.</summary>
    public abstract int FromSchemaVersion { get; }

    /// <summary>The type name the rewritten payload has.</summary>
    public abstract string ToEventType { get; }

    /// <summary>The schema version the rewritten payload has; greater than <see cref="FromSchemaVersion"/> unless the type name changes.</summary>
    public abstract int ToSchemaVersion { get; }

    /// <summary>Rewrites a payload.</summary>
    /// <param name="payload">The stored payload (a copy: change it freely).</param>
    /// <returns>The payload in the target schema.</returns>
    public abstract JsonObject Upcast(JsonObject payload);
}
