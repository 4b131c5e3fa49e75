using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Orleans.Wire;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Orleans.Serialization;

namespace CustomerAdvocacy.Orleans.Tests.Wire;

public sealed class WireMapperTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(WireOutcome).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private readonly InMemoryIncidentStore _store = new();
    private readonly IncidentEngine _engine;
    private readonly WireMapper _mapper = new(new IncidentEventSerializer());

    public WireMapperTests() => _engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, new FakeClock(Start));

    [Fact]
    public async Task Outcome_AcceptedThroughExecution_DecodesToTheSameDecisionAndState()
    {
        var script = new IncidentCommands(IncidentId.New(), Start);
        foreach (var command in script.ToExecuting("c1", "c2"))
        {
            var result = await _engine.ExecuteAsync(command);
            var decoded = await RoundTripAsync(result, command.CommandId);
            Assert.Equal(result.Incident, decoded.Incident);
            Assert.Equal(((Accepted)result.Decision).Events, ((Accepted)decoded.Decision).Events);
            Assert.False(decoded.IsDuplicate);
        }
    }

    [Fact]
    public async Task Outcome_RejectedAndDuplicate_DecodeToTheSameRejectionAndFlag()
    {
        var script = new IncidentCommands(IncidentId.New(), Start);
        await _engine.ExecuteAsync(script.Open());
        var early = script.Close();
        var rejected = await _engine.ExecuteAsync(early);
        var again = await _engine.ExecuteAsync(early);
        var stale = await _engine.ExecuteAsync(script.StartAnalysis() with { ExpectedVersion = 7 });
        foreach (var (result, id) in new[] { (rejected, early.CommandId), (again, early.CommandId), (stale, CommandId.New()) })
        {
            var decoded = await RoundTripAsync(result, id);
            Assert.Equal(result.Decision, decoded.Decision);
            Assert.Equal(result.Incident, decoded.Incident);
            Assert.Equal(result.IsDuplicate, decoded.IsDuplicate);
        }
    }

    [Fact]
    public async Task Outcome_SubProcessRejections_DecodeToTheSameRejection()
    {
        var script = new IncidentCommands(IncidentId.New(), Start);
        await _engine.ExecuteAsync(script.Open());
        var audit = CommunicationId.New();
        Assert.True((await _engine.ExecuteAsync(new DraftCommunication(script.IncidentId, audit, CommandId.New(), script.Engineer, CommunicationKind.Audit, "audit", new[] { "customer-1" }))).Decision.IsAccepted);
        Assert.True((await _engine.ExecuteAsync(new SubmitCommunicationForReview(script.IncidentId, audit, CommandId.New(), script.Engineer))).Decision.IsAccepted);
        var commands = new IncidentCommand[]
        {
            new PurchaseMitigation(script.IncidentId, CommandId.New(), script.Customer),
            new ReleaseCommunication(script.IncidentId, audit, CommandId.New(), script.Engineer, "call-1", new[] { "am-1" }),
        };
        var kinds = new List<Type>();
        foreach (var command in commands)
        {
            var result = await _engine.ExecuteAsync(command);
            var rejection = Assert.IsType<Rejected>(result.Decision).Reason;
            kinds.Add(rejection.GetType().IsGenericType ? rejection.GetType().GetGenericTypeDefinition() : rejection.GetType());
            var decoded = await RoundTripAsync(result, command.CommandId);
            Assert.Equal(result.Decision, decoded.Decision);
        }

        // A trial's own machine refuses the purchase; the engine refuses the engineer's release before the communication's.
        Assert.Equal(new[] { typeof(NotPermittedInState<,>), typeof(NotAuthorized) }, kinds);
    }

    [Fact]
    public async Task Outcome_WithLinkedIncidentFollowUp_CarriesTheOpenedIncident()
    {
        var script = new IncidentCommands(IncidentId.New(), Start);
        foreach (var command in script.ToExecuting("c1"))
        {
            await _engine.ExecuteAsync(command);
        }

        var linked = IncidentId.New();
        var classify = new ClassifyUnrelatedRecurrence(script.IncidentId, CommandId.New(), script.Owner, "TCK-9", linked);
        var result = await _engine.ExecuteAsync(classify);
        var followUps = new List<WireOutcome>();
        foreach (var f in result.FollowUps)
        {
            followUps.Add(_mapper.EncodeOutcome(f, await _store.ReadStreamAsync(f.Incident.Id, 1, CancellationToken.None), Array.Empty<WireOutcome>()));
        }

        var wire = _mapper.EncodeOutcome(result, await _store.ReadStreamAsync(script.IncidentId, 1, CancellationToken.None), followUps);
        var decoded = _mapper.DecodeOutcome(Serializer.Deserialize<WireOutcome>(Serializer.SerializeToArray(wire))!, classify.CommandId);
        var followUp = Assert.Single(decoded.FollowUps);
        Assert.Equal(result.FollowUps[0].Incident, followUp.Incident);
        Assert.Equal(linked, followUp.Incident.Id);
        Assert.Equal(IncidentState.Opened, followUp.Incident.State);
    }

    [Fact]
    public void Incident_Unknown_EncodesAsAnEmptyStreamAndDecodesNotOpened()
    {
        var id = IncidentId.New();
        var decoded = _mapper.DecodeIncident(_mapper.EncodeIncident(id, Array.Empty<IncidentEvent>(), 0));
        Assert.Equal(Incident.NotOpened(id), decoded);
    }

    [Fact]
    public void EncodeIncident_VersionBeyondTheEventsRead_Throws()
        => Assert.Throws<InvalidOperationException>(() => _mapper.EncodeIncident(IncidentId.New(), Array.Empty<IncidentEvent>(), 1));

    private async Task<CommandResult> RoundTripAsync(CommandResult result, CommandId commandId)
    {
        var stream = await _store.ReadStreamAsync(result.Incident.Id, 1, CancellationToken.None);
        var wire = _mapper.EncodeOutcome(result, stream, Array.Empty<WireOutcome>());
        var bytes = Serializer.SerializeToArray(wire);
        return _mapper.DecodeOutcome(Serializer.Deserialize<WireOutcome>(bytes)!, commandId);
    }
}
