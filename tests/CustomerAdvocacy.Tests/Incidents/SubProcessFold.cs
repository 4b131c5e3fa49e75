using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using CustomerAdvocacy.Tests.Escalation;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;
using Stateless;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>A command and the instant it is decided at.</summary>
/// <param name="At">When it is decided (never before the previous command).</param>
/// <param name="Command">The command.</param>
internal readonly record struct TimedCommand(Instant At, IncidentCommand Command);

/// <summary>
/// What the fold tests know about one sub-process machine: how to configure a fresh machine, read the process's state
/// from an incident, and which public command fires each trigger. The edges themselves come from Stateless, never
/// from here.
/// </summary>
/// <typeparam name="TState">The machine's state type.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger type.</typeparam>
/// <remarks>
/// Public only because a script is the type argument of the public test classes deriving from
/// <see cref="SubProcessFoldTests{TState, TTrigger, TScript}"/> (xunit runs public classes only); its members stay
/// internal.
/// </remarks>
public abstract class SubProcessScript<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>Monday 2 March 2026, 09:00 UTC: London office hours, four weeks before the clocks go forward.</summary>
    internal static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    protected SubProcessScript(IncidentId incidentId) => Commands = new IncidentCommands(incidentId, Start);

    /// <summary>The standard London context, with the four-rung escalation ladder and the default review policy.</summary>
    internal static IncidentContext Context { get; } = IncidentContexts.Standard with
    {
        EscalationLadder = EscalationFixture.Ladder,
        ReviewPolicy = ReviewPolicy.Default,
    };

    /// <summary>The machine's name in failure messages.</summary>
    internal abstract string Machine { get; }

    /// <summary>The abstract command type whose every concrete type must be mapped to its trigger.</summary>
    internal abstract Type CommandBase { get; }

    internal IncidentCommands Commands { get; }

    internal IncidentId IncidentId => Commands.IncidentId;

    /// <summary>The machine's configured edges, read from Stateless.</summary>
    internal IReadOnlyList<MachineEdge<TState, TTrigger>> Edges => MachineFiring.Edges(Configure(() => default, _ => { }, null, null));

    /// <summary>The states no edge leaves (self-loops aside): once there, a process stays.</summary>
    internal IReadOnlyList<TState> TerminalStates
    {
        get
        {
            var edges = Edges;
            return Enum.GetValues<TState>().Where(s => !edges.Any(e => Same(e.From, s) && !Same(e.To, s))).ToArray();
        }
    }

    /// <summary>
    /// Configures a fresh machine from the process's definition. Guards that read more than the state read them from
    /// <paramref name="incident"/> and <paramref name="command"/> (both null when only the graph is read).
    /// </summary>
    internal abstract StateMachine<TState, TTrigger> Configure(Func<TState> read, Action<TState> write, Incident? incident, IncidentCommand? command);

    /// <summary>The commands that bring a new incident to where the process can start.</summary>
    internal virtual IEnumerable<IncidentCommand> Setup() => new IncidentCommand[] { Commands.Open() };

    /// <summary>The process's state in the incident (its initial state before its first event).</summary>
    internal abstract TState StateOf(Incident incident);

    /// <summary>The trigger a process command asks its machine for.</summary>
    internal abstract TTrigger TriggerOf(IncidentCommand command);

    /// <summary>
    /// The public commands that fire <paramref name="trigger"/>, well formed for the incident as it stands, from actors
    /// allowed to issue them, each with the instant to decide it at (later than <paramref name="now"/> when a rule needs
    /// time to pass). Empty when nothing maps to the trigger: the edge tests then fail naming it.
    /// </summary>
    internal abstract IEnumerable<TimedCommand> CommandsFor(TTrigger trigger, Incident incident, Instant now);

    /// <summary>What tells two incidents apart for this process's edges and guards; exploring stops at a repeat.</summary>
    internal virtual object Signature(Incident incident) => StateOf(incident);

    /// <summary>Whether <paramref name="reason"/> is the typed refusal of a trigger the machine does not permit.</summary>
    internal virtual bool IsRefusal(Rejection reason, TState state, TTrigger trigger)
        => reason is NotPermittedInState<TState, TTrigger> r && Same(r.State, state) && EqualityComparer<TTrigger>.Default.Equals(r.Trigger, trigger);

    /// <summary>The trigger a lifecycle decision may fire on this process in the same decision (the escalation's raise), if any.</summary>
    internal virtual TTrigger? RaisedByLifecycle => null;

    /// <summary>Where a fresh machine, in the process's state in <paramref name="before"/>, lands on <paramref name="trigger"/>.</summary>
    internal TState? Fire(Incident before, TTrigger trigger)
        => MachineFiring.Fire((read, write) => Configure(read, write, before, null), StateOf(before), trigger);

    /// <summary>Where a fresh machine, in the process's state in <paramref name="before"/>, lands on the command's trigger.</summary>
    internal TState? Fire(Incident before, IncidentCommand command)
        => MachineFiring.Fire((read, write) => Configure(read, write, before, command), StateOf(before), TriggerOf(command));

    internal static bool Same(TState a, TState b) => EqualityComparer<TState>.Default.Equals(a, b);
}

/// <summary>One command decided during exploration, with where the fold and a fresh machine put the process.</summary>
internal sealed record FoldObservation<TState, TTrigger>(
    IReadOnlyList<TimedCommand> Path,
    TimedCommand Step,
    TState Before,
    TTrigger Trigger,
    Decision Decision,
    TState? Fired,
    TState? Folded)
    where TState : struct
{
    public override string ToString()
        => $"{Step.Command.GetType().Name} in {Before}: {(Decision is Rejected r ? "rejected " + r.Reason : "fold " + Folded)}, Fire {(Fired is { } f ? f.ToString() : "cannot fire")}";
}

/// <summary>
/// One random step of a walk: which trigger (mostly one the current state permits), which of its commands, whether
/// another actor issues it, how much time passes, whether an earlier command is repeated instead, and whether a
/// lifecycle command from the model-based property's generator runs instead.
/// </summary>
internal sealed record WalkStep(int Pick, int Candidate, Actor Actor, int Swap, int Minutes, int Repeat, int Lifecycle, IncidentCommand Noise);

/// <summary>
/// Explores a sub-process breadth first from a freshly set-up incident: in every distinct place reached (by
/// <see cref="SubProcessScript{TState, TTrigger}.Signature"/>), every trigger's commands are decided by the engine's
/// decider and folded, and a fresh machine is fired beside them. The edge and refusal tests then find, for each
/// configured edge or missing one, the commands that exercise it, and replay one through a real engine.
/// </summary>
/// <typeparam name="TState">The machine's state type.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger type.</typeparam>
internal sealed class SubProcessExploration<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private const int MaxDepth = 16;
    private const int MaxPlaces = 600;

    private readonly IncidentDecider _decider = new();
    private readonly List<FoldObservation<TState, TTrigger>> _observations = new();
    private readonly bool _stoppedEarly;

    internal SubProcessExploration(SubProcessScript<TState, TTrigger> script)
    {
        Script = script;
        Edges = script.Edges;
        var duplicate = Edges.GroupBy(e => (e.From, e.Trigger, e.To)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{script.Machine}: two edges {duplicate.Key} differ only by guard; key the edge tests by guard too.");
        }

        var (incident, now, path) = SetUp();
        var setUp = path.Length;
        var queue = new Queue<(Incident Incident, Instant Now, TimedCommand[] Path)>();
        var seen = new HashSet<object> { script.Signature(incident) };
        queue.Enqueue((incident, now, path));
        var places = 0;
        while (queue.Count > 0 && places++ < MaxPlaces)
        {
            var place = queue.Dequeue();
            foreach (var trigger in Enum.GetValues<TTrigger>())
            {
                foreach (var step in script.CommandsFor(trigger, place.Incident, place.Now))
                {
                    var after = Observe(place.Path, place.Incident, place.Now, trigger, step);
                    if (after is not null && place.Path.Length - setUp < MaxDepth && seen.Add(script.Signature(after)))
                    {
                        queue.Enqueue((after, step.At, place.Path.Append(step).ToArray()));
                    }
                }
            }
        }

        _stoppedEarly = queue.Count > 0;
    }

    internal SubProcessScript<TState, TTrigger> Script { get; }

    internal IReadOnlyList<MachineEdge<TState, TTrigger>> Edges { get; }

    /// <summary>The configured edges, one theory row each.</summary>
    internal static TheoryData<TState, TTrigger, TState> EdgeData(SubProcessScript<TState, TTrigger> script)
    {
        var data = new TheoryData<TState, TTrigger, TState>();
        foreach (var e in script.Edges)
        {
            data.Add(e.From, e.Trigger, e.To);
        }

        return data;
    }

    /// <summary>Every (state, trigger) pair with no configured edge, one theory row each.</summary>
    internal static TheoryData<TState, TTrigger> MissingEdgeData(SubProcessScript<TState, TTrigger> script)
    {
        var edges = script.Edges;
        var data = new TheoryData<TState, TTrigger>();
        foreach (var state in Enum.GetValues<TState>())
        {
            foreach (var trigger in Enum.GetValues<TTrigger>().Where(t => !edges.Any(e => SubProcessScript<TState, TTrigger>.Same(e.From, state) && Same(e.Trigger, t))))
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    /// <summary>Random walks, built from the lifecycle property's actors and commands.</summary>
    internal Arbitrary<WalkStep[]> Walks()
        => Arb.From(Gen.ArrayOf(
            from pick in Gen.Choose(0, 9_999)
            from candidate in Gen.Choose(0, 7)
            from actor in IncidentGenerators.Actors()
            from swap in Gen.Choose(0, 9)
            from minutes in Gen.Choose(0, 24 * 60)
            from repeat in Gen.Choose(0, 19)
            from lifecycle in Gen.Choose(0, 9)
            from noise in IncidentGenerators.Commands(Script.IncidentId, SubProcessScript<TState, TTrigger>.Start)
            select new WalkStep(pick, candidate, actor, swap, minutes, repeat, lifecycle, noise)));

    /// <summary>The walk property: every random walk keeps the fold and the machine in agreement (see <see cref="Walk"/>).</summary>
    internal Property WalkProperty() => Prop.ForAll(Walks(), walk => Walk(walk).Count > 0);

    /// <summary>Checks that sampled walks reach every state, so the walk property exercises every part of the machine.</summary>
    internal void VerifyWalksVisitEveryState(int walks)
    {
        var visited = new HashSet<TState>();
        foreach (var walk in Walks().Generator.Sample(walks))
        {
            visited.UnionWith(Walk(walk));
        }

        var missed = Enum.GetValues<TState>().Where(s => !visited.Contains(s)).ToList();
        Assert.True(missed.Count == 0, $"{Script.Machine}: {walks} sampled walks never reached {string.Join(", ", missed)}.");
    }

    /// <summary>
    /// Checks one configured edge: some public command fires it from a reachable incident, the fold of what the decider
    /// records lands where a fresh machine's <c>Fire</c> lands, the decider never calls it not permitted, and one such
    /// command replayed through a real engine (store, replay) lands there too.
    /// </summary>
    internal async Task VerifyEdgeAsync(TState from, TTrigger trigger, TState to)
    {
        var edge = Edges.Single(e => Same(e.From, from) && Same(e.Trigger, trigger) && Same(e.To, to));
        var name = $"{Script.Machine} edge {edge}";
        var atSource = Reached(trigger, from, name);
        var firing = atSource.Where(o => o.Fired is { } f && Same(f, to)).ToList();
        if (firing.Count == 0)
        {
            Assert.Fail($"{name}: no mapped command fires it; from {from} the commands for {trigger} fire to [{string.Join(", ", atSource.Select(o => o.Fired?.ToString() ?? "nothing").Distinct())}]. Extend {Script.GetType().Name} so the guard can hold.");
        }

        var refused = firing.Where(o => o.Decision is Rejected r && Script.IsRefusal(r.Reason, from, trigger)).ToList();
        Assert.True(refused.Count == 0, $"{name}: the machine can fire it but the decider refused it as not permitted: {string.Join("; ", refused)}");
        var accepted = firing.Where(o => o.Decision is Accepted).ToList();
        Assert.True(accepted.Count > 0, $"{name}: every command that fires it was rejected: {string.Join("; ", firing.Select(o => o.ToString()).Distinct())}");
        var wrong = accepted.Where(o => o.Folded is not { } folded || !Same(folded, to)).ToList();
        Assert.True(wrong.Count == 0, $"{name}: the fold disagrees with Fire: {string.Join("; ", wrong)}");

        var witness = accepted.OrderBy(o => o.Path.Count).First();
        var (before, result, after, stored) = await ReplayAsync(witness);
        Assert.True(result.Decision is Accepted, $"{name}: the engine rejected {witness.Step.Command.GetType().Name}: {result.Decision}");
        Assert.Equal(to, Script.Fire(before, witness.Step.Command));
        Assert.Equal(to, Script.StateOf(after));
        Assert.Equal(after, stored);
    }

    /// <summary>
    /// Checks a (state, trigger) pair with no configured edge: no command for the trigger is ever accepted in that
    /// state, at least one is refused with the machine's typed rejection, and through a real engine that refusal
    /// records nothing and leaves the incident as it was.
    /// </summary>
    internal async Task VerifyRefusalAsync(TState state, TTrigger trigger)
    {
        Assert.DoesNotContain(Edges, e => Same(e.From, state) && Same(e.Trigger, trigger));
        var name = $"{Script.Machine}: {trigger} in {state} (no edge)";
        var atState = Reached(trigger, state, name);
        var accepted = atState.Where(o => o.Decision is Accepted).ToList();
        Assert.True(accepted.Count == 0, $"{name} was accepted: {string.Join("; ", accepted)}");
        var fired = atState.Where(o => o.Fired is not null).ToList();
        Assert.True(fired.Count == 0, $"{name}: a fresh machine fired it: {string.Join("; ", fired)}");
        var typed = atState.Where(o => o.Decision is Rejected r && Script.IsRefusal(r.Reason, state, trigger)).ToList();
        Assert.True(typed.Count > 0, $"{name}: never refused as not permitted; refusals were: {string.Join("; ", atState.Select(o => o.ToString()).Distinct())}");

        var witness = typed.OrderBy(o => o.Path.Count).First();
        var (before, result, after, stored) = await ReplayAsync(witness);
        Assert.True(result.Decision is Rejected r2 && Script.IsRefusal(r2.Reason, state, trigger), $"{name}: the engine decided {result.Decision}");
        Assert.Equal(before, after);
        Assert.Equal(before, stored);
        Assert.Equal(state, Script.StateOf(stored));
    }

    /// <summary>Checks that every concrete command type of the process was accepted somewhere, so none is left unmapped.</summary>
    internal void VerifyEveryCommandTypeAccepted()
    {
        var types = Script.CommandBase.Assembly.GetTypes().Where(t => !t.IsAbstract && Script.CommandBase.IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(types);
        var missing = types.Where(t => !_observations.Any(o => o.Decision is Accepted && o.Step.Command.GetType() == t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"{Script.Machine}: no accepted {string.Join(", ", missing)}; map it in {Script.GetType().Name}.CommandsFor.");
    }

    /// <summary>
    /// Runs a random walk through the decider and checks every step: an accepted command's fold lands where a fresh
    /// machine's <c>Fire</c> lands (a repeated command id records nothing), the decider never refuses as not permitted
    /// what the machine can fire, and a process in a terminal state stays there.
    /// </summary>
    /// <returns>The states the walk visited.</returns>
    internal HashSet<TState> Walk(WalkStep[] steps)
    {
        var (incident, now, _) = SetUp();
        var terminal = Script.TerminalStates;
        var triggers = Enum.GetValues<TTrigger>();
        var history = new List<IncidentCommand>();
        var visited = new HashSet<TState> { Script.StateOf(incident) };
        foreach (var step in steps)
        {
            now += Duration.FromMinutes(step.Minutes);
            var before = Script.StateOf(incident);
            if (step.Lifecycle == 0)
            {
                // The lifecycle moves on around the process: its events leave the process alone, except that the
                // escalation may be raised in the same decision, which must land where firing that trigger lands.
                if (_decider.Decide(incident, step.Noise, SubProcessScript<TState, TTrigger>.Context, now) is Accepted { Events.Count: > 0 } moved)
                {
                    var raised = Script.RaisedByLifecycle is { } t ? Script.Fire(incident, t) : null;
                    incident = moved.Events.Aggregate(incident, IncidentEvolver.Evolve);
                    var landed = Script.StateOf(incident);
                    Require(Same(landed, before) || (raised is { } r && Same(r, landed)), $"the lifecycle's {step.Noise.GetType().Name} moved the process from {before} to {landed}");
                    visited.Add(landed);
                }

                continue;
            }

            IncidentCommand command;
            if (step.Repeat == 0 && history.Count > 0)
            {
                command = history[step.Pick % history.Count];
            }
            else
            {
                var permitted = Edges.Where(e => Same(e.From, before)).Select(e => e.Trigger).Distinct().ToArray();
                var trigger = step.Pick % 10 < 7 && permitted.Length > 0 ? permitted[step.Pick / 10 % permitted.Length] : triggers[step.Pick / 10 % triggers.Length];
                var candidates = Script.CommandsFor(trigger, incident, now).ToArray();
                Require(candidates.Length > 0, $"no command maps to {trigger}");
                var chosen = candidates[step.Candidate % candidates.Length];
                now = chosen.At;
                command = step.Swap == 0 ? chosen.Command with { Actor = step.Actor } : chosen.Command;
            }

            var asked = Script.TriggerOf(command);
            var decision = _decider.Decide(incident, command, SubProcessScript<TState, TTrigger>.Context, now);
            var fired = Script.Fire(incident, command);
            if (decision is Rejected rejected)
            {
                Require(fired is null || !Script.IsRefusal(rejected.Reason, before, asked), $"{asked} in {before} refused as not permitted, but the machine fires it to {fired}");
                continue;
            }

            var events = ((Accepted)decision).Events;
            if (events.Count == 0)
            {
                Require(history.Any(c => c.CommandId == command.CommandId), $"{asked} in {before} accepted with no event, yet its command id is new");
                continue;
            }

            incident = events.Aggregate(incident, IncidentEvolver.Evolve);
            var folded = Script.StateOf(incident);
            Require(fired is { } f && Same(f, folded), $"{command.GetType().Name} accepted in {before}: the fold lands in {folded}, Fire {(fired is { } to ? "in " + to : "cannot fire")}");
            Require(!terminal.Contains(before) || Same(before, folded), $"{command.GetType().Name} moved the process out of its terminal state {before} to {folded}");
            history.Add(command);
            visited.Add(folded);
        }

        return visited;

        void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"{Script.Machine}: {what}.");
            }
        }
    }

    private static bool Same<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);

    private List<FoldObservation<TState, TTrigger>> Reached(TTrigger trigger, TState state, string name)
    {
        var mapped = _observations.Where(o => Same(o.Trigger, trigger)).ToList();
        Assert.True(mapped.Count > 0, $"{name}: no command maps to the trigger {trigger}; add one to {Script.GetType().Name}.CommandsFor.");
        var reached = mapped.Where(o => Same(o.Before, state)).ToList();
        Assert.True(
            reached.Count > 0,
            $"{name}: the state {state} is never reached within {MaxDepth} accepted commands of {Script.GetType().Name}"
            + (_stoppedEarly ? $" (exploration stopped after {MaxPlaces} places; raise the limit or narrow the signature)." : "."));
        return reached;
    }

    private (Incident Incident, Instant Now, TimedCommand[] Path) SetUp()
    {
        var incident = Incident.NotOpened(Script.IncidentId);
        var path = new List<TimedCommand>();
        foreach (var command in Script.Setup())
        {
            var decision = _decider.Decide(incident, command, SubProcessScript<TState, TTrigger>.Context, SubProcessScript<TState, TTrigger>.Start);
            incident = decision is Accepted a
                ? a.Events.Aggregate(incident, IncidentEvolver.Evolve)
                : throw new InvalidOperationException($"{Script.Machine}: the set-up command {command.GetType().Name} was rejected: {decision}");
            path.Add(new TimedCommand(SubProcessScript<TState, TTrigger>.Start, command));
        }

        return (incident, SubProcessScript<TState, TTrigger>.Start, path.ToArray());
    }

    private Incident? Observe(TimedCommand[] path, Incident incident, Instant now, TTrigger trigger, TimedCommand step)
    {
        if (!Same(Script.TriggerOf(step.Command), trigger) || step.At < now)
        {
            throw new InvalidOperationException($"{Script.Machine}: {step.Command.GetType().Name} was mapped to {trigger} at {step.At} (now {now}); it must fire that trigger and not go back in time.");
        }

        var decision = _decider.Decide(incident, step.Command, SubProcessScript<TState, TTrigger>.Context, step.At);
        var fired = Script.Fire(incident, step.Command);
        var after = decision is Accepted { Events.Count: > 0 } accepted ? accepted.Events.Aggregate(incident, IncidentEvolver.Evolve) : null;
        _observations.Add(new(path, step, Script.StateOf(incident), trigger, decision, fired, after is null ? null : Script.StateOf(after)));
        return after;
    }

    private async Task<(Incident Before, CommandResult Result, Incident After, Incident Stored)> ReplayAsync(FoldObservation<TState, TTrigger> witness)
    {
        var clock = new FakeClock(SubProcessScript<TState, TTrigger>.Start);
        var engine = new IncidentEngine(new InMemoryIncidentStore(), new FixedIncidentContextProvider(SubProcessScript<TState, TTrigger>.Context), clock);
        foreach (var step in witness.Path)
        {
            clock.Reset(step.At);
            var given = await engine.ExecuteAsync(step.Command);
            Assert.True(given.Decision is Accepted, $"{Script.Machine}: replaying {step.Command.GetType().Name} through the engine was rejected: {given.Decision}");
        }

        clock.Reset(witness.Step.At);
        var before = await engine.LoadAsync(Script.IncidentId);
        var result = await engine.ExecuteAsync(witness.Step.Command);
        var stored = await engine.LoadAsync(Script.IncidentId);
        return (before, result, result.Incident, stored);
    }
}
