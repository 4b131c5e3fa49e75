using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Testing;
using NodaTime;
using Stateless;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>One command against a loaded incident, compared with a bare Stateless Fire on a pre-built machine.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CommandBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentDecider _decider = new();
    private StateMachine<IncidentState, IncidentTrigger> _machine = null!;
    private IncidentLifecycle.Cursor _cursor = null!;
    private Incident _executing = null!;
    private IncidentCommand _command = null!;
    private IncidentEvent _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cursor = new IncidentLifecycle.Cursor();
        var cursor = _cursor;
        _machine = IncidentLifecycle.Definition.Configure(() => cursor.State, s => cursor.State = s);
        var id = IncidentId.New();
        var script = new IncidentCommands(id, Now);
        var scenario = new IncidentScenario(id, Now).Given(script.ToExecuting("c1", "c2", "c3"));
        _executing = scenario.State;
        _command = script.MeetCriterion("c2");
        _event = ((Accepted)_decider.Decide(_executing, _command, IncidentContexts.Standard, Now)).Events[0];
    }

    [Benchmark(Baseline = true, Description = "Stateless Fire on a pre-built machine")]
    [BenchmarkCategory("command")]
    public IncidentState RawFire()
    {
        _cursor.State = IncidentState.Executing;
        _machine.Fire(IncidentTrigger.ProposeResolution);
        return _cursor.State;
    }

    // The command below fires RecordCriterionMet, an internal transition of Executing; this row shows what Stateless
    // charges for that very trigger, so the baseline's choice of trigger can be judged (it is not the ratio's baseline).
    [Benchmark(Description = "Stateless Fire of the command's own trigger (internal transition)")]
    [BenchmarkCategory("command")]
    public IncidentState RawFireSameTrigger()
    {
        _cursor.State = IncidentState.Executing;
        _machine.Fire(IncidentTrigger.RecordCriterionMet);
        return _cursor.State;
    }

    // A decision asks the pooled machine whether the trigger can fire (the event's fold makes the transition); these
    // two rows show what Stateless charges for that question, for the command's trigger and for the baseline's.
    [Benchmark(Description = "Stateless CanFire of the command's own trigger")]
    [BenchmarkCategory("command")]
    public bool RawCanFireSameTrigger()
    {
        _cursor.State = IncidentState.Executing;
        return _machine.CanFire(IncidentTrigger.RecordCriterionMet);
    }

    [Benchmark(Description = "Stateless CanFire of the baseline trigger")]
    [BenchmarkCategory("command")]
    public bool RawCanFire()
    {
        _cursor.State = IncidentState.Executing;
        return _machine.CanFire(IncidentTrigger.ProposeResolution);
    }

    [Benchmark(Description = "Decide + Evolve one command on a loaded incident")]
    [BenchmarkCategory("command")]
    public Incident ApplyCommand()
    {
        var decision = (Accepted)_decider.Decide(_executing, _command, IncidentContexts.Standard, Now);
        var state = _executing;
        foreach (var e in decision.Events)
        {
            state = IncidentEvolver.Evolve(state, e);
        }

        return state;
    }

    [Benchmark(Description = "Decide only (validate, authorize, ask the machine, create the event)")]
    [BenchmarkCategory("command")]
    public Decision DecideOnly() => _decider.Decide(_executing, _command, IncidentContexts.Standard, Now);

    [Benchmark(Description = "Evolve only (fold the event into the state)")]
    [BenchmarkCategory("command")]
    public Incident EvolveOnly() => IncidentEvolver.Evolve(_executing, _event);
}

/// <summary>Replaying a 1,000-event incident.</summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private IncidentId _id;
    private IReadOnlyList<IncidentEvent> _events = null!;

    /// <summary>Events in the stream.</summary>
    public static int EventCount => 1000;

    [GlobalSetup]
    public void Setup()
    {
        _id = IncidentId.New();
        _events = ReplayStream.Build(_id, Now, EventCount);
    }

    [Benchmark(Baseline = true, Description = "Replay 1,000 events")]
    public Incident Replay() => IncidentEvolver.Replay(_id, _events);
}

/// <summary>A realistic stream: lifecycle, then commitments made and delivered, customer updates sent and criteria evidenced, mixed.</summary>
internal static class ReplayStream
{
    internal static IReadOnlyList<IncidentEvent> Build(IncidentId id, Instant now, int count)
    {
        var script = new IncidentCommands(id, now);
        var scenario = new IncidentScenario(id, now).Given(script.ToExecuting("c1", "c2", "c3"));
        var i = 0;
        while (scenario.History.Count < count)
        {
            IncidentCommand next = (i % 4) switch
            {
                0 => script.Commit("k" + i, 48),
                1 => script.Deliver("k" + (i - 1)),
                2 => script.SendUpdate(),
                _ => script.MeetCriterion("c" + ((i % 12 / 4) + 1)),
            };
            scenario.Given(next);
            i++;
        }

        return scenario.History.Take(count).ToArray();
    }
}
