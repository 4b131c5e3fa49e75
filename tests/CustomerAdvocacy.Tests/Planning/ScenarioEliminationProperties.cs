using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class ScenarioEliminationProperties
{
    private static readonly string[] Observations = { "o0", "o1", "o2", "o3", "o4" };

    [ConfiguredProperty]
    public Property Assess_NeverRemovesAConsistentScenario_NeverKeepsAContradictedOne()
        => Prop.ForAll(Arb.From(Cases()), c =>
        {
            var verdicts = ScenarioElimination.Assess(c.Scenarios, c.Facts);
            return verdicts.Count == c.Scenarios.Count && verdicts.All(v =>
            {
                var contradicting = c.Facts.Where(f => v.Scenario.Expectations.Any(e => e.Observation == f.Observation && e.Holds != f.Holds)).ToList();
                return contradicting.Count == 0
                    ? v.Remains
                    : !v.Remains && ReferenceEquals(v.EliminatedBy, contradicting[0]);
            });
        });

    [ConfiguredProperty]
    public Property Decider_InAnyOrder_EliminatesExactlyTheContradictedScenarios()
        => Prop.ForAll(Arb.From(Cases().Where(c => Consistent(c.Facts))), Arb.From(Gen.Choose(0, int.MaxValue - 1)), (c, seed) =>
        {
            var kit = new AnalysisTestKit();
            var commands = c.Facts.Select(f => (AnalysisCommand)new RecordFact(kit.Incident, CommandId.New(), AnalysisTestKit.Engineer, f))
                .Concat(c.Scenarios.Select(s => new ProposeScenario(kit.Incident, CommandId.New(), AnalysisTestKit.Engineer, s)))
                .OrderBy(x => new System.Random(seed ^ x.CommandId.GetHashCode()).Next())
                .ToList();
            foreach (var command in commands)
            {
                if (!kit.Send(command).IsAccepted)
                {
                    return false;
                }
            }

            var eliminated = kit.Events.OfType<ScenarioEliminated>().Select(e => e.ScenarioId).OrderBy(x => x).ToList();
            var expected = c.Scenarios.Where(s => c.Facts.Any(s.IsContradictedBy)).Select(s => s.Id).OrderBy(x => x).ToList();
            return eliminated.SequenceEqual(expected)
                && kit.State.RemainingScenarios.Select(s => s.Id).OrderBy(x => x).SequenceEqual(c.Scenarios.Select(s => s.Id).Except(expected).OrderBy(x => x));
        });

    private static bool Consistent(IReadOnlyList<Fact> facts)
        => facts.GroupBy(f => f.Observation).All(g => g.Select(f => f.Holds).Distinct().Count() == 1);

    private static Gen<Case> Cases()
    {
        var expectation = Gen.Elements(Observations).SelectMany(o => Gen.Elements(true, false).Select(h => new Expectation(o, h)));
        var scenario = expectation.ListOf().Select(es => es.GroupBy(e => e.Observation).Select(g => g.First()).ToList());
        var fact = Gen.Elements(Observations).SelectMany(o => Gen.Elements(true, false).Select(h => (o, h)));
        return from scenarios in scenario.ListOf()
               from facts in fact.ListOf()
               select new Case(
                   scenarios.Select((es, i) => new Scenario("s" + i, "scenario " + i, es)).ToList(),
                   facts.Select((f, i) => new Fact("f" + i, f.o, f.h, "evidence " + i)).ToList());
    }

    public sealed record Case(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<Fact> Facts)
    {
        public override string ToString()
            => "scenarios: " + string.Join("; ", Scenarios.Select(s => s.Id + "{" + string.Join(",", s.Expectations.Select(e => e.Observation + "=" + e.Holds)) + "}"))
                + " facts: " + string.Join("; ", Facts.Select(f => f.Id + ":" + f.Observation + "=" + f.Holds));
    }
}
