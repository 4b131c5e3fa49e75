using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// The background runner that drives the pure <see cref="DueActionScheduler"/>: it lists the incidents that can still
/// have something due at start (every state before <see cref="IncidentState.Reviewed"/>), lists their due items from
/// their state with <see cref="DueItemSources.ForIncident"/> (open commitments, SLA warning and breach points, the
/// escalation rung's time-out, mitigation-trial reminders and end, the management review's due date), sleeps until the
/// next one falls due (a timer of the host's <see cref="TimeProvider"/>, never a polling loop), hands what fell due to
/// the <see cref="DueActionProcessor"/> (the incident command through the engine, then the host's
/// <see cref="IDueActionHandler"/>), and re-arms an incident whenever the engine settles a command on it.
/// </summary>
/// <remarks>
/// The scheduler is owned by the loop alone; the engine's <see cref="IncidentEngine.CommandExecuted"/> event only
/// queues the incident id and wakes the loop. An item (key and due instant) fires once: a failed action is tried
/// again after <see cref="CustomerAdvocacyOptions.RetryDelay"/>, with the same command id.
/// </remarks>
internal sealed class DueActionRunner : BackgroundService
{
    internal const string MeterName = "CustomerAdvocacy.Hosting";
    internal const string SlaBreachesInstrumentName = "customeradvocacy.sla.breaches";
    internal const string DueActionsInstrumentName = "customeradvocacy.due_actions";
    internal const string OpenIncidentsInstrumentName = "customeradvocacy.incidents.open";

    private static readonly IncidentState[] OpenStates =
    {
        IncidentState.Opened, IncidentState.Engaged, IncidentState.Analyzing, IncidentState.PlanProposed,
        IncidentState.PlanApproved, IncidentState.Executing, IncidentState.ResolutionProposed,
    };

    // A resolved incident can still have a trial running, and one returned to standard operations has its review due.
    private static readonly IncidentState[] ArmedStates = OpenStates.Concat(new[] { IncidentState.Resolved, IncidentState.ReturnedToSop }).ToArray();

    // A due instant further away than this is looked at again after it: timers are not meant for months.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(24);

    private readonly IncidentEngine _engine;
    private readonly IIncidentStore _store;
    private readonly DueActionProcessor _processor;
    private readonly TimeProvider _timeProvider;
    private readonly IClock _clock;
    private readonly CustomerAdvocacyOptions _options;
    private readonly ILogger _logger;
    private readonly DueActionScheduler _scheduler = new();
    private readonly Dictionary<IncidentId, HashSet<DueItem>> _fired = new();
    private readonly Dictionary<DueItemKey, (DueItem Original, Instant RetryAt, bool CommandApplied)> _retries = new();
    private readonly List<IncidentId> _rearmLater = new();
    private readonly ConcurrentQueue<IncidentId> _changed = new();
    private readonly ConcurrentDictionary<IncidentId, IncidentState> _states = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _dueActions;

    internal DueActionRunner(
        IncidentEngine engine,
        IIncidentStore store,
        IDueActionHandler handler,
        TimeProvider timeProvider,
        IClock clock,
        CustomerAdvocacyOptions options,
        ILogger logger)
    {
        _engine = engine;
        _store = store;
        _timeProvider = timeProvider;
        _clock = clock;
        _options = options;
        _logger = logger;
        _processor = new DueActionProcessor(engine, options.DueActionActor, handler);
        _slaBreaches = _meter.CreateCounter<long>(SlaBreachesInstrumentName, "{breach}", "SLA targets that fell due unmet, by SLA.");
        _dueActions = _meter.CreateCounter<long>(DueActionsInstrumentName, "{action}", "Due actions applied by the runner, by kind and outcome.");
        _meter.CreateObservableGauge(OpenIncidentsInstrumentName, ObserveOpenIncidents, "{incident}", "Open incidents by lifecycle state, as this host sees them.");
    }

    /// <summary>This runner's meter (one per runner, so hosts in one process report separately).</summary>
    internal Meter Meter => _meter;

    /// <summary>Raised each time the loop goes to sleep, with the instant it wakes at (none: until a command changes something).</summary>
    internal event Action<Instant?>? Armed;

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _meter.Dispose();
        _wake.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunDueActions)
        {
            return;
        }

        _engine.CommandExecuted += OnCommandExecuted;
        try
        {
            await LoadOpenIncidentsAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RearmChangedAsync(stoppingToken).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var due = _scheduler.TakeDue(now);
                foreach (var item in due)
                {
                    await ApplyAsync(item, stoppingToken).ConfigureAwait(false);
                }

                if (due.Count > 0)
                {
                    // What the actions changed is re-armed before the loop sleeps again.
                    continue;
                }

                var wakeAt = _scheduler.NextDue?.Due;
                if (_rearmLater.Count > 0)
                {
                    var retryAt = now + _options.RetryDelay;
                    wakeAt = wakeAt is { } d && d < retryAt ? d : retryAt;
                }

                Armed?.Invoke(wakeAt);
                await WaitAsync(wakeAt is { } at ? (at - now).ToTimeSpan() : null, stoppingToken).ConfigureAwait(false);
                foreach (var id in _rearmLater)
                {
                    _changed.Enqueue(id);
                }

                _rearmLater.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: nothing is half applied, a due action either ran through the engine or it did not.
        }
        finally
        {
            _engine.CommandExecuted -= OnCommandExecuted;
            HostingLog.RunnerStopped(_logger);
        }
    }

    private async Task LoadOpenIncidentsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var count = 0;
                foreach (var state in ArmedStates)
                {
                    foreach (var id in await _store.ListByStateAsync(state, cancellationToken).ConfigureAwait(false))
                    {
                        _states[id] = state;
                        _changed.Enqueue(id);
                        count++;
                    }
                }

                HostingLog.RunnerStarted(_logger, count);
                if (_store is InMemoryIncidentStore)
                {
                    HostingLog.InMemoryStore(_logger);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var retryAt = _clock.GetCurrentInstant() + _options.RetryDelay;
                HostingLog.LoadFailed(_logger, ex, retryAt);
                await WaitAsync(_options.RetryDelay.ToTimeSpan(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RearmChangedAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<IncidentId>();
        while (_changed.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        foreach (var id in ids)
        {
            try
            {
                var items = await DueItemsOfAsync(id, cancellationToken).ConfigureAwait(false);
                if (items.Count == 0)
                {
                    _scheduler.RemoveIncident(id);
                    _fired.Remove(id);
                    continue;
                }

                _scheduler.ReplaceIncident(id, items);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HostingLog.RearmFailed(_logger, ex, id, _clock.GetCurrentInstant() + _options.RetryDelay);
                _rearmLater.Add(id);
            }
        }
    }

    private async Task<IReadOnlyList<DueItem>> DueItemsOfAsync(IncidentId id, CancellationToken cancellationToken)
    {
        var incident = await _engine.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (Array.IndexOf(ArmedStates, incident.State) < 0)
        {
            _states.TryRemove(id, out _);
            foreach (var key in _retries.Keys.Where(k => k.IncidentId == id).ToArray())
            {
                _retries.Remove(key);
            }

            return Array.Empty<DueItem>();
        }

        _states[id] = incident.State;
        // The incident's own state lists everything due, each computed in the customer's calendar when it was recorded.
        var items = DueItemSources.ForIncident(incident);

        _fired.TryGetValue(id, out var fired);
        var armed = new List<DueItem>(items.Count);
        foreach (var item in items)
        {
            if (fired is not null && fired.Contains(item))
            {
                continue;
            }

            armed.Add(_retries.TryGetValue(item.Key, out var retry) && retry.Original == item
                ? new DueItem(item.Key, retry.RetryAt)
                : item);
        }

        // A handler that failed after the item's command went through: the state no longer lists the item (the command
        // settled it), yet the handler has still to hear of it. Its key is free unless the state lists a new item of
        // that key, which then wins.
        foreach (var pair in _retries)
        {
            if (pair.Key.IncidentId == id && pair.Value.CommandApplied && !items.Any(i => i.Key == pair.Key))
            {
                armed.Add(new DueItem(pair.Key, pair.Value.RetryAt));
            }
        }

        return armed;
    }

    private async Task ApplyAsync(DueItem taken, CancellationToken cancellationToken)
    {
        var item = _retries.TryGetValue(taken.Key, out var retry) && retry.RetryAt == taken.Due ? retry.Original : taken;
        var incidentId = item.Key.IncidentId;
        if (incidentId is { } id)
        {
            _changed.Enqueue(id);
        }

        var commandApplied = false;
        try
        {
            await _processor.ProcessAsync(
                item,
                (action, result) =>
                {
                    commandApplied = true;
                    return LogRejectionAsync(action, result);
                },
                cancellationToken).ConfigureAwait(false);
            _retries.Remove(item.Key);
            MarkFired(item);
            if (item.Key.Kind == DueItemKind.SlaBreach)
            {
                _slaBreaches.Add(1, new KeyValuePair<string, object?>("customeradvocacy.sla", item.Key.Reference));
            }

            _dueActions.Add(1, new KeyValuePair<string, object?>("customeradvocacy.due_item.kind", item.Key.Kind.ToString()), new KeyValuePair<string, object?>("customeradvocacy.outcome", "applied"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var retryAt = _clock.GetCurrentInstant() + _options.RetryDelay;
            _retries[item.Key] = (item, retryAt, commandApplied || (_retries.TryGetValue(item.Key, out var earlier) && earlier.CommandApplied));
            _dueActions.Add(1, new KeyValuePair<string, object?>("customeradvocacy.due_item.kind", item.Key.Kind.ToString()), new KeyValuePair<string, object?>("customeradvocacy.outcome", "failed"));
            HostingLog.DueActionFailed(_logger, ex, ActionKindOf(item.Key.Kind), item.Key.Kind, incidentId?.ToString() ?? string.Empty, retryAt);
            if (incidentId is null)
            {
                _scheduler.Schedule(new DueItem(item.Key, retryAt));
            }
        }
    }

    private Task LogRejectionAsync(DueAction action, CommandResult result)
    {
        if (result.Decision is Rejected rejected)
        {
            // Not retried: the incident moved on (the commitment was delivered, the rung acknowledged).
            var command = action.IncidentCommand!;
            HostingLog.DueCommandRejected(_logger, command.IncidentId, command.Trigger, rejected.Reason.Kind);
        }

        return Task.CompletedTask;
    }

    private void MarkFired(DueItem item)
    {
        if (item.Key.IncidentId is not { } id)
        {
            return;
        }

        if (!_fired.TryGetValue(id, out var fired))
        {
            fired = new HashSet<DueItem>();
            _fired[id] = fired;
        }

        fired.Add(item);
    }

    private void OnCommandExecuted(object? sender, CommandResult result)
    {
        Queue(result);
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private void Queue(CommandResult result)
    {
        if (result.Decision.IsAccepted && !result.IsDuplicate)
        {
            _states[result.Incident.Id] = result.Incident.State;
            _changed.Enqueue(result.Incident.Id);
        }

        foreach (var followUp in result.FollowUps)
        {
            Queue(followUp);
        }
    }

    private async Task WaitAsync(TimeSpan? delay, CancellationToken cancellationToken)
    {
        using var wakeUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ITimer? timer = null;
        if (delay is { } d)
        {
            var clamped = d <= TimeSpan.Zero ? TimeSpan.Zero : d > LongestWait ? LongestWait : d;
            timer = _timeProvider.CreateTimer(static state => WakeUp((CancellationTokenSource)state!), wakeUp, clamped, Timeout.InfiniteTimeSpan);
        }

        try
        {
            await _wake.WaitAsync(wakeUp.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timer fired: the next item is due.
        }
        finally
        {
            timer?.Dispose();
        }
    }

    private static void WakeUp(CancellationTokenSource wakeUp)
    {
        try
        {
            wakeUp.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The loop woke up for another reason and moved on before the timer fired.
        }
    }

    private IEnumerable<Measurement<int>> ObserveOpenIncidents()
        => _states.Values
            .Where(s => Array.IndexOf(OpenStates, s) >= 0)
            .GroupBy(s => s)
            .Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>(CustomerAdvocacy.Diagnostics.AdvocacyTelemetry.StateTag, g.Key.ToString())));

    private static DueActionKind ActionKindOf(DueItemKind kind) => kind switch
    {
        DueItemKind.SlaWarning or DueItemKind.SlaBreach => DueActionKind.RecordServiceLevel,
        DueItemKind.LadderTimeOut => DueActionKind.Escalate,
        DueItemKind.CommitmentDue => DueActionKind.MarkMissed,
        DueItemKind.HealthCheck => DueActionKind.RunHealthCheck,
        DueItemKind.TrialReminder or DueItemKind.TrialEnd or DueItemKind.ReviewDue => DueActionKind.Remind,
        _ => DueActionKind.Remind,
    };
}
