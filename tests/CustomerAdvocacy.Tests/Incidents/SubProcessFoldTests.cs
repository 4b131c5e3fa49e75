using System;
using System.Threading.Tasks;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>
/// The fold tests every sub-process machine gets from its <typeparamref name="TScript"/>: each configured edge taken
/// through a public command, each missing edge refused with nothing recorded, every command type accepted somewhere,
/// and random walks reaching every state. A machine's class derives from this one, adds the walk property under the
/// name of the rule it keeps (<see cref="Exploration"/>'s <c>WalkProperty</c>) and any test only that machine needs.
/// </summary>
/// <typeparam name="TState">The machine's state type.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger type.</typeparam>
/// <typeparam name="TScript">Which public command fires each of the machine's triggers.</typeparam>
/// <remarks>
/// The exploration is built once per derived class (xunit creates the class fixture per test class, and the fixture's
/// type differs per closed generic), and the theory rows come from Stateless through the script, never from the
/// derived class.
/// </remarks>
public abstract class SubProcessFoldTests<TState, TTrigger, TScript> : IClassFixture<SubProcessFoldTests<TState, TTrigger, TScript>.Explored>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TScript : SubProcessScript<TState, TTrigger>, new()
{
    /// <summary>Takes the class's exploration, built once by xunit for all its tests.</summary>
    /// <param name="explored">The class fixture.</param>
    protected SubProcessFoldTests(Explored explored) => Exploration = explored.Value;

    /// <summary>Every configured edge of the machine, one theory row each.</summary>
    public static TheoryData<TState, TTrigger, TState> Edges => SubProcessExploration<TState, TTrigger>.EdgeData(new TScript());

    /// <summary>Every (state, trigger) pair with no configured edge, one theory row each.</summary>
    public static TheoryData<TState, TTrigger> MissingEdges => SubProcessExploration<TState, TTrigger>.MissingEdgeData(new TScript());

    /// <summary>The machine explored from a freshly set-up incident, shared by the class's tests.</summary>
    private protected SubProcessExploration<TState, TTrigger> Exploration { get; }

    [Theory]
    [MemberData(nameof(Edges))]
    public Task Decide_ConfiguredEdge_FoldLandsWhereFireLands(TState from, TTrigger trigger, TState to)
        => Exploration.VerifyEdgeAsync(from, trigger, to);

    [Theory]
    [MemberData(nameof(MissingEdges))]
    public Task Decide_TriggerWithoutEdge_RefusedAndNothingChanges(TState state, TTrigger trigger)
        => Exploration.VerifyRefusalAsync(state, trigger);

    [Fact]
    public void Decide_EveryCommandType_AcceptedSomewhere() => Exploration.VerifyEveryCommandTypeAccepted();

    [Fact]
    public void Walks_Generated_VisitEveryState() => Exploration.VerifyWalksVisitEveryState(200);

    /// <summary>The exploration of <typeparamref name="TScript"/>'s machine, built once per test class.</summary>
    public sealed class Explored
    {
        /// <summary>Explores the machine breadth first through the script's commands.</summary>
        public Explored() => Value = new(new TScript());

        internal SubProcessExploration<TState, TTrigger> Value { get; }
    }
}
