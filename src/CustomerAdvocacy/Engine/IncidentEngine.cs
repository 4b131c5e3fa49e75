using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerAdvocacy.Engine;

/// <summary>The outcome of executing a command through the <see cref="IncidentEngine"/>.</summary>
/// <param name="Decision">Accepted with its events, or rejected with the reason.</param>
/// <param name="Incident">The incident's state after the command (unchanged when rejected).</param>
/// <param name="IsDuplicate">Whether the command id had been seen before and its recorded outcome was returned.</param>
/// <param name="FollowUps">Commands the engine issued as a consequence (opening a linked incident), with their outcomes.</param>
public sealed record CommandResult(Decision Decision, Incident Incident, bool IsDuplicate, IReadOnlyList<CommandResult> FollowUps);

/// <summary>
/// Runs commands against event-sourced incidents: load → idempotency check → context → decide → evolve → append. Commands
/// on one incident run one at a time; commands on different incidents run in parallel. Nothing is half applied: the
/// new state is computed before the append, and the append is all or nothing.
/// </summary>
public sealed class IncidentEngine
{
    private const int LockStripes = 256;

    private readonly IIncidentStore _store;
    private readonly IIncidentContextProvider _contexts;
    private readonly IClock _clock;
    private readonly int _maxAttempts;
    private readonly ILogger _logger;
    private readonly IncidentDecider _decider = new();
    private readonly SemaphoreSlim[] _locks;
    private readonly IncidentLoader _loader;

    /// <summary>Creates an engine.</summary>
    /// <param name="store">Where events are kept.</param>
    /// <param name="contexts">
    /// Supplies the policy and the customer's calendar a command is decided under: for an opening, the customer and
    /// policy the command names; otherwise the incident's.
    /// </param>
    /// <param name="clock">The source of event instants.</param>
    /// <param name="logger">Where to log; <see langword="null"/> logs nothing.</param>
    /// <param name="options">Settings, validated here once; <see langword="null"/> uses the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="contexts"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="DefinitionValidationException"><paramref name="options"/> are invalid; every problem is listed.</exception>
    public IncidentEngine(IIncidentStore store, IIncidentContextProvider contexts, IClock clock, ILogger<IncidentEngine>? logger = null, IncidentEngineOptions? options = null)
    {
        _store = Preconditions.CheckNotNull(store);
        _contexts = Preconditions.CheckNotNull(contexts);
        _clock = Preconditions.CheckNotNull(clock);
        var settings = options ?? new IncidentEngineOptions();
        settings.EnsureValid();
        _maxAttempts = settings.MaxConflictAttempts;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _locks = Enumerable.Range(0, LockStripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        _loader = new IncidentLoader(store, settings.SnapshotInterval > 0 ? SnapshotPolicy.EveryEvents(settings.SnapshotInterval) : SnapshotPolicy.Never, _logger);
    }

    /// <summary>
    /// Loads an incident's current state: from its latest usable snapshot plus the events after it when the store
    /// keeps snapshots, else by replaying every event. Either way the state equals a full replay.
    /// </summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state; <see cref="IncidentState.NotOpened"/> for an unknown incident.</returns>
    public Task<Incident> LoadAsync(IncidentId incidentId, CancellationToken cancellationToken = default)
        => _loader.LoadAsync(incidentId, cancellationToken);

    /// <summary>
    /// Raised after every command the engine settled (accepted, rejected or a duplicate), with its result, so a host can
    /// re-arm what the command changed (the due-action runner does). A handler that throws is logged and does not
    /// affect the command, which is already recorded.
    /// </summary>
    public event EventHandler<CommandResult>? CommandExecuted;

    /// <summary>Executes a command, in a <see cref="AdvocacyTelemetry.CommandActivityName"/> span, counted by outcome.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome. A rejection is a value; exceptions are for storage faults and programming errors.</returns>
    /// <exception cref="IncidentConcurrencyException">
    /// Other writers appended to the incident first on every one of <see cref="IncidentEngineOptions.MaxConflictAttempts"/>
    /// attempts; the command changed nothing.
    /// </exception>
    /// <exception cref="UnknownCustomerException">
    /// The context provider does not know the customer the command (an opening) or its incident names; nothing is
    /// recorded, not even the command id, so the same command can be sent again once the customer is published.
    /// </exception>
    /// <exception cref="UnknownPolicyException">The policy version the command or its incident names is not published; nothing is recorded.</exception>
    public async Task<CommandResult> ExecuteAsync(IncidentCommand command, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(command);
        using var activity = EngineTelemetry.StartCommand(command);
        CommandResult result;
        try
        {
            result = await ExecuteUntracedAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (EngineTelemetry.Failed(activity, command, ex))
        {
            throw;
        }

        EngineTelemetry.Completed(activity, command, result);
        try
        {
            CommandExecuted?.Invoke(this, result);
        }
        catch (Exception ex)
        {
            Log.CommandObserverFailed(_logger, ex, command.IncidentId, command.CommandId);
        }

        return result;
    }

    private async Task<CommandResult> ExecuteUntracedAsync(IncidentCommand command, CancellationToken cancellationToken)
    {
        var result = await ExecuteLockedAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.Decision is not Accepted accepted)
        {
            return result;
        }

        // Follow-ups run after the first incident's lock is released: two stripes are never held at once.
        List<CommandResult>? followUps = null;
        byte salt = 0;
        foreach (var linked in accepted.Events.OfType<UnrelatedRecurrenceLinked>())
        {
            var source = result.Incident;
            var open = new OpenIncident(
                linked.NewIncidentId,
                command.CommandId.Derive(++salt),
                command.Actor,
                source.CustomerId!,
                source.AccountableOwnerId!,
                source.Policy!,
                source.Id);
            var opened = await ExecuteLockedAsync(open, cancellationToken).ConfigureAwait(false);
            if (opened.Decision.IsAccepted && !opened.IsDuplicate)
            {
                Log.LinkedIncidentOpened(_logger, source.Id, linked.NewIncidentId);
            }

            (followUps ??= new List<CommandResult>()).Add(opened);
        }

        return followUps is null ? result : result with { FollowUps = followUps };
    }

    private async Task<CommandResult> ExecuteLockedAsync(IncidentCommand command, CancellationToken cancellationToken)
    {
        var gate = _locks[(command.IncidentId.GetHashCode() & int.MaxValue) % LockStripes];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteCoreAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException ex) when (ex is UnknownCustomerException or UnknownPolicyException)
        {
            // The caller named something the host does not know: their input to correct, not a fault to page on.
            Log.CommandContextNotFound(_logger, command.IncidentId, command.CommandId, command.Trigger, ex.GetType().Name);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(_logger, ex, command.IncidentId, command.CommandId, command.Trigger);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CommandResult> ExecuteCoreAsync(IncidentCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            var recorded = await _store.FindCommandAsync(command.CommandId, cancellationToken).ConfigureAwait(false);
            if (recorded is not null)
            {
                return await ReplayOutcomeAsync(recorded, cancellationToken).ConfigureAwait(false);
            }

            var incident = await LoadAsync(command.IncidentId, cancellationToken).ConfigureAwait(false);
            Decision decision;
            if (IncidentDecider.ContextKeyOf(incident, command) is { } key)
            {
                var context = await _contexts.GetContextAsync(key.CustomerId, key.Policy, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The context provider returned no context for incident {incident.Id}.");
                decision = _decider.Decide(incident, command, context, _clock.GetCurrentInstant());
            }
            else
            {
                decision = _decider.RejectWithoutContext(incident, command);
            }

            if (decision is Rejected rejected)
            {
                var record = new CommandRecord(command.CommandId, command.IncidentId, 0, 0, rejected.Reason);
                if (!await _store.RecordRejectionAsync(record, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                Log.CommandRejected(_logger, incident.Id, command.CommandId, command.Trigger, command.Actor.Role, incident.State, rejected.Reason.Kind, (rejected.Reason as RuleBroken)?.Rule);
                return new CommandResult(decision, incident, false, Array.Empty<CommandResult>());
            }

            var accepted = (Accepted)decision;
            var next = incident;
            foreach (var e in accepted.Events)
            {
                next = IncidentEvolver.Evolve(next, e);
            }

            try
            {
                await _store.AppendAsync(new(incident.Id, incident.Version, accepted.Events, command.CommandId, next.State, IncidentNextDue.Of(next)), cancellationToken).ConfigureAwait(false);
            }
            catch (IncidentConcurrencyException conflict) when (attempt < _maxAttempts)
            {
                Log.ConcurrencyConflict(_logger, incident.Id, conflict.ExpectedVersion, conflict.ActualVersion, attempt);
                continue;
            }
            catch (DuplicateCommandException)
            {
                continue;
            }

            Log.CommandAccepted(_logger, incident.Id, command.CommandId, command.Trigger, command.Actor.Role, incident.State, next.State, next.Version);
            await _loader.AfterAppendAsync(incident.Version, next, cancellationToken).ConfigureAwait(false);
            return new CommandResult(decision, next, false, Array.Empty<CommandResult>());
        }

        throw new InvalidOperationException(
            $"Command {command.CommandId} on incident {command.IncidentId} could not be settled in {_maxAttempts} attempts: the store reports the command id as recorded but returns no record.");
    }

    private async Task<CommandResult> ReplayOutcomeAsync(CommandRecord recorded, CancellationToken cancellationToken)
    {
        Log.DuplicateCommand(_logger, recorded.IncidentId, recorded.CommandId);
        var events = await _store.ReadStreamAsync(recorded.IncidentId, 1, cancellationToken).ConfigureAwait(false);
        var incident = IncidentEvolver.Replay(recorded.IncidentId, events);
        Decision decision = recorded.Rejection is { } rejection
            ? new Rejected(rejection)
            : new Accepted(EquatableList<IncidentEvent>.From(events.Skip((int)(recorded.FirstVersion - 1)).Take(recorded.EventCount)));
        return new CommandResult(decision, incident, true, Array.Empty<CommandResult>());
    }
}
