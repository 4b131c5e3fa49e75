using System;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// A stored event could not be read into a current event: its type is unknown, no upcaster covers its schema
/// version, or its payload is corrupt. Stores throw it rather than skip the event, because a stream with a hole
/// would replay into a wrong state.
/// </summary>
public sealed class EventDeserializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="incidentId">The stream.</param>
    /// <param name="version">The event's version in the stream.</param>
    /// <param name="eventType">The stored type name.</param>
    /// <param name="schemaVersion">The stored schema version.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EventDeserializationException(IncidentId incidentId, long version, string eventType, int schemaVersion, string problem, Exception? innerException = null)
        : base($"Event version {version} of incident {incidentId} (type '{eventType}', schema version {schemaVersion}) cannot be read: {problem}", innerException)
    {
        IncidentId = incidentId;
        Version = version;
        EventType = eventType;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The stream.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The event's version in the stream.</summary>
    public long Version { get; }

    /// <summary>The stored type name.</summary>
    public string EventType { get; }

    /// <summary>The stored schema version.</summary>
    public int SchemaVersion { get; }
}

/// <summary>A stored command record (its rejection) could not be read.</summary>
public sealed class CommandRecordDeserializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="commandId">The command.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CommandRecordDeserializationException(CommandId commandId, string problem, Exception? innerException = null)
        : base($"The stored record of command {commandId} cannot be read: {problem}", innerException)
        => CommandId = commandId;

    /// <summary>The command.</summary>
    public CommandId CommandId { get; }
}

/// <summary>
/// A store could not reach or open its database. The message names the target (file or host, port and database)
/// and never a password.
/// </summary>
public sealed class IncidentStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The database the store tried to use, without credentials.</param>
    /// <param name="problem">What went wrong, in words.</param>
    /// <param name="innerException">The driver's failure.</param>
    public IncidentStoreUnavailableException(string target, string problem, Exception? innerException = null)
        : base($"The incident store at {target} is unavailable: {problem}", innerException)
        => Target = target;

    /// <summary>The database the store tried to use, without credentials.</summary>
    public string Target { get; }
}
