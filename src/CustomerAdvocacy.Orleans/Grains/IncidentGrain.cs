using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Orleans.Wire;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;
using Orleans.Runtime;

namespace CustomerAdvocacy.Orleans.Grains;

/// <summary>
/// One incident. Orleans keeps a single activation per incident id, so its commands run one at a time without a lock
/// shared across silos; the <see cref="IncidentEngine"/> still decides every command on the state it reads from the
/// store, so an activation that moved to another silo, or a stale cache, can never decide on old state. After every
/// command and every reminder tick the grain re-arms its one durable reminder for the earliest due item the
/// <see cref="IIncidentDueItemSource"/> reports, and reports to its segment's portfolio grain.
/// </summary>
internal sealed class IncidentGrain : Grain, IIncidentGrain, IRemindable
{
    internal const string ReminderName = "customer-advocacy.due-actions";

    private readonly AdvocacyServices _services;
    private readonly ILogger<IncidentGrain> _logger;
    private readonly List<IncidentEvent> _stream = new();

    // Items already fired by this activation: a source may keep reporting a passed item (a breach stays breached),
    // and it must not fire again on every re-arm. A new activation fires it once more with the same command id,
    // which the engine records once: at least once, never twice in the stream.
    private readonly HashSet<DueItem> _fired = new();

    // Items taken for a tick whose step has not finished: the engine, the portfolio report or the host's handler threw.
    // The next tick takes them again even when the incident no longer lists them (a commitment whose miss was recorded
    // before the handler failed), so the handler hears of every action at least once while this activation lives.
    private readonly Dictionary<DueItemKey, DueItem> _unfinished = new();

    // The pure scheduler, owned by this activation alone: it holds the incident's unfired items and answers "next due"
    // and "due by now".
    private readonly DueActionScheduler _scheduler = new();
    private Incident _incident = null!;
    private IGrainReminder? _reminder;
    private Instant? _armedFor;

    public IncidentGrain(AdvocacyServices services, ILogger<IncidentGrain> logger)
    {
        _services = services;
        _logger = logger;
    }

    private IncidentId Id => new(this.GetPrimaryKey());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _incident = Incident.NotOpened(Id);
        await CatchUpAsync(cancellationToken).ConfigureAwait(true);
        _reminder = await this.GetReminder(ReminderName).ConfigureAwait(true);

        // A previous activation may have died between an append and its re-arm (a retry of that command is a
        // duplicate and settles nothing): every activation re-arms from the stream once.
        if (_incident.State != IncidentState.NotOpened)
        {
            await SettleAsync().ConfigureAwait(true);
        }
    }

    public async Task<WireOutcome> Execute(WireCommand command)
    {
        var decoded = IncidentCommandCodec.Decode(command);
        if (decoded.IncidentId != Id)
        {
            throw new ArgumentException($"Command {decoded.CommandId} is for incident {decoded.IncidentId}, not {Id}.", nameof(command));
        }

        var result = await _services.Engine.ExecuteAsync(decoded).ConfigureAwait(true);
        await FollowAsync(result).ConfigureAwait(true);
        var followUps = new List<WireOutcome>(result.FollowUps.Count);
        foreach (var followUp in result.FollowUps)
        {
            // The engine opened the linked incident through the store, past its grain: that grain catches up, arms its
            // reminder and reports, and its stream comes back for the outcome.
            if (followUp.Incident.Id == Id)
            {
                // A grain calling itself would wait for its own turn: its stream is at hand.
                await CatchUpAsync(CancellationToken.None).ConfigureAwait(true);
                followUps.Add(_services.Mapper.EncodeOutcome(followUp, _stream, Array.Empty<WireOutcome>()));
                continue;
            }

            var other = await GrainFactory.GetGrain<IIncidentGrain>(followUp.Incident.Id.Value).Refresh().ConfigureAwait(true);
            var stream = _services.Mapper.DecodeEvents(other);
            followUps.Add(_services.Mapper.EncodeOutcome(followUp, stream, Array.Empty<WireOutcome>()));
        }

        if (result.Decision.IsAccepted && !result.IsDuplicate)
        {
            await SettleAsync().ConfigureAwait(true);
        }

        return _services.Mapper.EncodeOutcome(result, _stream, followUps);
    }

    public async Task<WireIncident> Load()
    {
        // Another process may have written through its own engine (a host mixing grains with a plain engine).
        await CatchUpAsync(CancellationToken.None).ConfigureAwait(true);
        return _services.Mapper.EncodeIncident(Id, _stream, _incident.Version);
    }

    public async Task<WireIncident> Refresh()
    {
        await CatchUpAsync(CancellationToken.None).ConfigureAwait(true);
        await SettleAsync().ConfigureAwait(true);
        return _services.Mapper.EncodeIncident(Id, _stream, _incident.Version);
    }

    public Task<DateTimeOffset?> ArmedFor() => Task.FromResult(_reminder is null ? null : _armedFor?.ToDateTimeOffset());

    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, ReminderName, StringComparison.Ordinal))
        {
            return;
        }

        await CatchUpAsync(CancellationToken.None).ConfigureAwait(true);
        var now = _services.Clock.GetCurrentInstant();
        Rearm(DueItems(now));
        var taken = _scheduler.TakeDue(now);
        var due = _unfinished.Values.Where(u => !taken.Any(t => t.Key == u.Key)).Concat(taken).ToArray();
        Log.ReminderFired(_logger, Id, due.Length);
        foreach (var item in due)
        {
            // A throw ends the tick (Orleans logs it) with the item left unfinished; the reminder stays armed for it.
            _unfinished[item.Key] = item;
            await _services.DueActions.ProcessAsync(item, (action, result) => AppliedAsync(action, result, now), CancellationToken.None).ConfigureAwait(true);
            _unfinished.Remove(item.Key);
            _fired.Add(item);
        }

        // Forces a fresh registration: the tick consumed the reminder's due time, and the next one is a new instant.
        _armedFor = null;
        await SettleAsync().ConfigureAwait(true);
    }

    // The portfolio reflects a due action's command before the host's handler hears of it.
    private async Task AppliedAsync(DueAction action, CommandResult result, Instant now)
    {
        await FollowAsync(result).ConfigureAwait(true);
        Log.DueActionApplied(_logger, Id, action.Item.Key.Kind, action.IncidentCommand!.CommandId, result.Decision.IsAccepted, result.IsDuplicate);
        await ReportAsync(DueItems(now), now).ConfigureAwait(true);
    }

    private IReadOnlyList<DueItem> DueItems(Instant now)
        => _incident.State == IncidentState.NotOpened ? Array.Empty<DueItem>() : _services.DueItems.DueItems(_incident, now);

    // Folds a command's events into the cache when they follow on from it (the usual case: this activation is the only
    // writer); anything else (a duplicate, a gap left by another writer) is read from the store.
    private Task FollowAsync(CommandResult result)
    {
        if (result is { IsDuplicate: false, Decision: Accepted accepted } && accepted.Events[0].Version == _stream.Count + 1)
        {
            var incident = _incident;
            foreach (var e in accepted.Events)
            {
                _stream.Add(e);
                incident = IncidentEvolver.Evolve(incident, e);
            }

            _incident = incident;
            return Task.CompletedTask;
        }

        return result.Decision.IsAccepted || result.Incident.Version != _stream.Count ? CatchUpAsync(CancellationToken.None) : Task.CompletedTask;
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var next = await _services.Store.ReadStreamAsync(Id, _stream.Count + 1, cancellationToken).ConfigureAwait(true);
        if (next.Count == 0)
        {
            return;
        }

        var incident = _incident;
        foreach (var e in next)
        {
            _stream.Add(e);
            incident = IncidentEvolver.Evolve(incident, e);
        }

        _incident = incident;
    }

    // Re-arms the reminder for the earliest unfired item and reports to the portfolio.
    private async Task SettleAsync()
    {
        var now = _services.Clock.GetCurrentInstant();
        var items = DueItems(now);
        Rearm(items);

        // An unfinished item is retried at once, ahead of anything the scheduler holds.
        if ((_unfinished.Count > 0 ? new DueItem(_unfinished.Keys.First(), now) : _scheduler.NextDue) is { } first)
        {
            if (_reminder is null || _armedFor != first.Due)
            {
                var (dueTime, period) = ReminderSchedule.For(first.Due, now, _services.Options.ReminderRetryPeriod, _services.ReminderOptions.MinimumReminderPeriod, _services.Options.MaximumReminderDelay);
                _reminder = await this.RegisterOrUpdateReminder(ReminderName, dueTime, period).ConfigureAwait(true);
                _armedFor = first.Due;
                Log.ReminderArmed(_logger, Id, first.Key.Kind, first.Due, dueTime);
            }
        }
        else if (_reminder is not null)
        {
            await this.UnregisterReminder(_reminder).ConfigureAwait(true);
            _reminder = null;
            _armedFor = null;
            Log.ReminderCleared(_logger, Id);
        }

        await ReportAsync(items, now).ConfigureAwait(true);
    }

    // The scheduler gets the source's items less those this activation fired already.
    private void Rearm(IReadOnlyList<DueItem> items)
    {
        _fired.IntersectWith(items);
        _scheduler.ReplaceIncident(Id, items.Where(i => !_fired.Contains(i)));
    }

    private Task ReportAsync(IReadOnlyList<DueItem> items, Instant now)
        => _incident.Policy is { } policy
            ? GrainFactory.GetGrain<IPortfolioGrain>(policy.SegmentId).Report(PortfolioEntries.For(_incident, items, now))
            : Task.CompletedTask;
}
