using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Orleans.Grains;
using CustomerAdvocacy.Orleans.Wire;
using CustomerAdvocacy.Storage;
using Orleans;

namespace CustomerAdvocacy.Orleans;

/// <summary>The <see cref="IAdvocacyClient"/> over an Orleans grain factory (a cluster client, or a silo's own).</summary>
internal sealed class AdvocacyClient : IAdvocacyClient
{
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
        var outcome = await _grains.GetGrain<IIncidentGrain>(command.IncidentId.Value).Execute(wire).WaitAsync(cancellationToken).ConfigureAwait(false);
        return _mapper.DecodeOutcome(outcome, command.CommandId);
    }

    public async Task<Incident> LoadAsync(IncidentId incidentId, CancellationToken cancellationToken = default)
    {
        var wire = await _grains.GetGrain<IIncidentGrain>(incidentId.Value).Load().WaitAsync(cancellationToken).ConfigureAwait(false);
        return _mapper.DecodeIncident(wire);
    }

    public async Task<PortfolioView> GetPortfolioAsync(string segmentId, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNullOrWhiteSpace(segmentId);
        var entries = await _grains.GetGrain<IPortfolioGrain>(segmentId).View().WaitAsync(cancellationToken).ConfigureAwait(false);
        var open = entries
            .Select(e => new PortfolioEntry(new IncidentId(e.IncidentId), (IncidentState)e.State, e.Version, e.MissedCommitments, e.OverdueItems))
            .ToArray();
        var byState = open.GroupBy(e => e.State).ToDictionary(g => g.Key, g => g.Count());
        var breached = open.Where(e => e.IsBreached).OrderBy(e => e.IncidentId.Value).ToArray();
        return new PortfolioView(segmentId, byState, new ValueList<PortfolioEntry>(breached), open.Length);
    }
}
