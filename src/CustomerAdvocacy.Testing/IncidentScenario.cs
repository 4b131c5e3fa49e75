using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Testing;

/// <summary>Thrown by the testing helpers and the conformance suite when an expectation fails.</summary>
public sealed class ExpectationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public ExpectationFailedException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Given/When/Then over the pure decider: given commands that must all be accepted, when one more command is decided,
/// then its outcome is checked. Failures throw <see cref="ExpectationFailedException"/>.
/// </summary>
public sealed class IncidentScenario
{
    private readonly IncidentDecider _decider = new();
    private readonly List<IncidentEvent> _history = new();

    /// <summary>Starts a scenario for an incident decided under <see cref="IncidentContexts.Standard"/>.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="now">The instant commands are decided at.</param>
    public IncidentScenario(IncidentId incidentId, Instant now)
        : this(incidentId, now, IncidentContexts.Standard)
    {
    }

    /// <summary>Starts a scenario for an incident.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="now">The instant commands are decided at.</param>
    /// <param name="context">The policy and customer calendar commands are decided under.</param>
    public IncidentScenario(IncidentId incidentId, Instant now, IncidentContext context)
    {
        State = Incident.NotOpened(incidentId);
        Now = now;
        Context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>The policy and customer calendar commands are decided under; tests may change it.</summary>
    public IncidentContext Context { get; set; }

    /// <summary>The instant commands are decided at; tests may move it.</summary>
    public Instant Now { get; set; }

    /// <summary>The incident's state after everything accepted so far.</summary>
    public Incident State { get; private set; }

    /// <summary>Every event accepted so far.</summary>
    public IReadOnlyList<IncidentEvent> History => _history;

    /// <summary>Applies commands that must all be accepted.</summary>
    /// <param name="commands">The commands, in order.</param>
    /// <returns>This scenario.</returns>
    public IncidentScenario Given(params IncidentCommand[] commands) => Given((IEnumerable<IncidentCommand>)commands);

    /// <summary>Applies commands that must all be accepted.</summary>
    /// <param name="commands">The commands, in order.</param>
    /// <returns>This scenario.</returns>
    public IncidentScenario Given(IEnumerable<IncidentCommand> commands)
    {
        foreach (var command in commands ?? throw new ArgumentNullException(nameof(commands)))
        {
            var outcome = When(command);
            if (outcome.Decision is Rejected r)
            {
                throw new ExpectationFailedException($"Given {command.GetType().Name} was rejected: {r.Reason}");
            }
        }

        return this;
    }

    /// <summary>Decides a command; when accepted, its events are applied to <see cref="State"/>.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The outcome, to check with its Then methods.</returns>
    public ScenarioOutcome When(IncidentCommand command)
    {
        var before = State;
        var decision = _decider.Decide(State, command ?? throw new ArgumentNullException(nameof(command)), Context, Now);
        if (decision is Accepted accepted)
        {
            foreach (var e in accepted.Events)
            {
                State = IncidentEvolver.Evolve(State, e);
                _history.Add(e);
            }
        }

        return new ScenarioOutcome(command, decision, before, State);
    }
}

/// <summary>The outcome of <see cref="IncidentScenario.When"/>, with its Then checks.</summary>
public sealed class ScenarioOutcome
{
    internal ScenarioOutcome(IncidentCommand command, Decision decision, Incident before, Incident after)
    {
        Command = command;
        Decision = decision;
        Before = before;
        After = after;
    }

    /// <summary>The command decided.</summary>
    public IncidentCommand Command { get; }

    /// <summary>The decision.</summary>
    public Decision Decision { get; }

    /// <summary>The state before.</summary>
    public Incident Before { get; }

    /// <summary>The state after (equal to <see cref="Before"/> when rejected).</summary>
    public Incident After { get; }

    /// <summary>Checks the command was accepted with events of exactly these types, in order.</summary>
    /// <param name="eventTypes">The expected event types.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<IncidentEvent> ThenAccepted(params Type[] eventTypes)
    {
        if (Decision is not Accepted accepted)
        {
            throw new ExpectationFailedException($"Expected {Command.GetType().Name} to be accepted, but it was rejected: {((Rejected)Decision).Reason}");
        }

        var actual = accepted.Events.Select(e => e.GetType()).ToArray();
        if (eventTypes is { Length: > 0 } && !actual.SequenceEqual(eventTypes))
        {
            throw new ExpectationFailedException(
                $"Expected events [{string.Join(", ", eventTypes.Select(t => t.Name))}] but got [{string.Join(", ", actual.Select(t => t.Name))}].");
        }

        return accepted.Events;
    }

    /// <summary>Checks the command was rejected with a rejection of this type, and nothing changed.</summary>
    /// <typeparam name="TRejection">The expected rejection type.</typeparam>
    /// <returns>The rejection.</returns>
    public TRejection ThenRejected<TRejection>()
        where TRejection : Rejection
    {
        if (Decision is not Rejected { Reason: TRejection reason })
        {
            throw new ExpectationFailedException($"Expected {Command.GetType().Name} to be rejected with {typeof(TRejection).Name}, but got {Decision}.");
        }

        if (!Equals(Before, After))
        {
            throw new ExpectationFailedException("A rejected command changed the incident.");
        }

        return reason;
    }

    /// <summary>Checks the command was rejected because of the named rule.</summary>
    /// <param name="rule">The rule, one of <see cref="IncidentRules"/>.</param>
    /// <returns>The rejection.</returns>
    public RuleBroken ThenRuleBroken(string rule)
    {
        var broken = ThenRejected<RuleBroken>();
        if (broken.Rule != rule)
        {
            throw new ExpectationFailedException($"Expected rule {rule} to be broken, but {broken.Rule} was: {broken.Detail}");
        }

        return broken;
    }
}
