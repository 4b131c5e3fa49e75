namespace CustomerAdvocacy.Kernel;

/// <summary>An immutable fact about an incident. The incident's state is the fold of its events.</summary>
/// <param name="Metadata">The stream position, time, actor and command.</param>
public abstract record IncidentEvent(EventMetadata Metadata)
{
    /// <summary>A stable name for the event type, independent of the CLR type name; stores persist it.</summary>
    public abstract string EventType { get; }

    /// <summary>The incident.</summary>
    public IncidentId IncidentId => Metadata.IncidentId;

    /// <summary>The event's position in the stream.</summary>
    public long Version => Metadata.Version;
}
