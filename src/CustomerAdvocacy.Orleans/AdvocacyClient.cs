using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Orleans.Grains;
using CustomerAdvocacy.Orleans.Wire;
using CustomerAdvocacy.Storage;
using Orleans;
using Orleans.Runtime;

namespace CustomerAdvocacy.Orleans;

/// <summary>
/// The <see cref="IAdvocacyClient"/> over an Orleans grain factory (a cluster client, or a silo's own). A call that
/// fails because its silo died or did not answer in time is sent again, up to five attempts with a growing pause:
/// commands carry their id, so a command that was applied before the failure comes back as the recorded outcome and is
/// never applied twice.
/// </summary>
internal sealed class AdvocacyClient : IAdvocacyClient
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    private readonly IGrainFactory _grains;
    private readonly WireMapper _mapper;

    public AdvocacyClient(IGrainFactory grains, IncidentEventSerializer? serializer = null)
    {
        _grains = Preconditions.CheckNotNull(grains);
        _mapper = new WireMapper(serializer ?? new IncidentEventSerializer());
    }

    public async Task<CommandResult> ExecuteAsync(IncidentCommand command, CancellationToken cancellationToken = default)
    {
        var wire = IncidentCommandCodec.Encode(command);
        var grain = _grains.GetGrain<IIncidentGrain>(command.IncidentId.Value);
        var outcome = await WithRetryAsync(() => grain.Execute(wire), cancellationToken).ConfigureAwait(false);
        return _mapper.DecodeOutcome(outcome, command.CommandId);
    }

    public async Task<Incident> LoadAsync(IncidentId incidentId, CancellationToken cancellationToken = default)
    {
        var grain = _grains.GetGrain<IIncidentGrain>(incidentId.Value);
        var wire = await WithRetryAsync(grain.Load, cancellationToken).ConfigureAwait(false);
        return _mapper.DecodeIncident(wire);
    }

    public async Task<PortfolioView> GetPortfolioAsync(string segmentId, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNullOrWhiteSpace(segmentId);
        var grain = _grains.GetGrain<IPortfolioGrain>(segmentId);
        var entries = await WithRetryAsync(grain.View, cancellationToken).ConfigureAwait(false);
        var open = entries
            .Select(e => new PortfolioEntry(new IncidentId(e.IncidentId), (IncidentState)e.State, e.Version, e.MissedCommitments, e.OverdueItems))
            .ToArray();
        var byState = open.GroupBy(e => e.State).ToDictionary(g => g.Key, g => g.Count());
        var breached = open.Where(e => e.IsBreached).OrderBy(e => e.IncidentId.Value).ToArray();
        return new PortfolioView(segmentId, byState, new ValueList<PortfolioEntry>(breached), open.Length);
    }

    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < MaxAttempts && ex is OrleansMessageRejectionException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // The activation's silo is gone or did not answer. Until the cluster declares it dead, calls may still be
                // routed to it, so the next attempt waits a little longer each time (0.1, 0.2, 0.4, 0.8 s).
                await Task.Delay(TimeSpan.FromTicks(FirstBackoff.Ticks << (attempt - 1)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
