using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Storage;

/// <summary>What one append writes, all or nothing.</summary>
/// <param name="IncidentId">The stream.</param>
/// <param name="ExpectedVersion">The stream's version the events were decided against (0 for a new stream).</param>
/// <param name="Events">The events, versions contiguous from <paramref name="ExpectedVersion"/> + 1; at least one.</param>
/// <param name="CommandId">The command that produced them, recorded for idempotency.</param>
/// <param name="ResultingState">The incident's lifecycle state after the events, for listing by state.</param>
/// <param name="NextDueAt">
/// The earliest instant something of the incident is due after the events, for <see cref="IDueIncidentIndex"/>;
/// <see langword="null"/> when nothing is due.
/// </param>
public sealed record IncidentAppend(IncidentId IncidentId, long ExpectedVersion, IReadOnlyList<IncidentEvent> Events, CommandId CommandId, IncidentState ResultingState, Instant? NextDueAt = null);

/// <summary>The recorded outcome of a command, for idempotency.</summary>
/// <param name="CommandId">The command.</param>
/// <param name="IncidentId">The incident it was applied to.</param>
/// <param name="FirstVersion">For an accepted command, the version of its first event; 0 for a rejected one.</param>
/// <param name="EventCount">For an accepted command, how many events it recorded; 0 for a rejected one.</param>
/// <param name="Rejection">For a rejected command, why; <see langword="null"/> for an accepted one.</param>
public sealed record CommandRecord(CommandId CommandId, IncidentId IncidentId, long FirstVersion, int EventCount, Rejection? Rejection);

/// <summary>
/// Stores incident event streams. Every implementation must pass the conformance suite in
/// <c>CustomerAdvocacy.Testing</c>.
/// </summary>
public interface IIncidentStore
{
    /// <summary>
    /// Appends events atomically when the stream is at the expected version, and records the command.
    /// </summary>
    /// <param name="append">What to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the events are durable.</returns>
    /// <exception cref="IncidentConcurrencyException">The stream is not at the expected version; nothing was written.</exception>
    /// <exception cref="DuplicateCommandException">The command id is already recorded; nothing was written.</exception>
    Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken);

    /// <summary>Records that a command was rejected, so that the same command id returns the same outcome.</summary>
    /// <param name="record">The rejection record (<see cref="CommandRecord.Rejection"/> set).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when recorded; <see langword="false"/> when the command id was already recorded.</returns>
    Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken);

    /// <summary>Reads a stream from a version on.</summary>
    /// <param name="incidentId">The stream.</param>
    /// <param name="fromVersion">The first version to return (1 for the whole stream).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The events in version order; empty for an unknown stream.</returns>
    Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken);

    /// <summary>Looks a command up by id.</summary>
    /// <param name="commandId">The command.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Its recorded outcome, or <see langword="null"/> when unknown.</returns>
    Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken);

    /// <summary>Lists the incidents currently in a lifecycle state.</summary>
    /// <param name="state">The state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The incidents, in no particular order.</returns>
    Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken);
}

/// <summary>An append found the stream at another version than expected: someone else wrote first.</summary>
public sealed class IncidentConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="incidentId">The stream.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The stream's version.</param>
    public IncidentConcurrencyException(IncidentId incidentId, long expectedVersion, long actualVersion)
        : base($"Incident {incidentId} is at version {actualVersion}, not the expected {expectedVersion}.")
    {
        IncidentId = incidentId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stream's version.</summary>
    public long ActualVersion { get; }
}

/// <summary>An append or rejection record reused a command id already recorded.</summary>
public sealed class DuplicateCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="commandId">The command id.</param>
    public DuplicateCommandException(CommandId commandId)
        : base($"Command {commandId} is already recorded.")
        => CommandId = commandId;

    /// <summary>The command id.</summary>
    public CommandId CommandId { get; }
}
