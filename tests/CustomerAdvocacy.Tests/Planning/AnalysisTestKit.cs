using System;
using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>Drives an analysis through the decider and the evolver, as a host would.</summary>
internal sealed class AnalysisTestKit
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 10, 14, 0);

    public AnalysisTestKit(AdvocacyPolicy? policy = null)
    {
        Policy = policy ?? Policy_(dryRun: false, seniorAtFirst: false);
        State = Analysis.Start(Incident);
    }

    public IncidentId Incident { get; } = IncidentId.New();

    public AdvocacyPolicy Policy { get; }

    public Analysis State { get; private set; }

    public List<AnalysisEvent> Events { get; } = new();

    public static Actor Owner { get; } = new("owner-1", IncidentRole.AccountableOwner);

    public static Actor Engineer { get; } = new("eng-1", IncidentRole.Engineer);

    public static Actor Customer { get; } = new("cust-1", IncidentRole.CustomerContact);

    public static Actor CustomerManager { get; } = new("cust-boss", IncidentRole.CustomerBusinessManager);

    public static Actor Vendor { get; } = new("printer-1", IncidentRole.ThirdParty);

    public static AdvocacyPolicy Policy_(bool dryRun, bool seniorAtFirst)
        => new(Duration.FromHours(1), Duration.FromHours(4), Duration.FromDays(10), TargetClock.BusinessTime, "standard")
        {
            DryRunRequired = dryRun,
            SeniorManagementAtFirstMeeting = seniorAtFirst,
        };

    public ProcessDecision<AnalysisEvent> Send(Func<IncidentId, CommandId, AnalysisCommand> make)
        => Send(make(Incident, CommandId.New()));

    public ProcessDecision<AnalysisEvent> Send(AnalysisCommand command)
    {
        var decision = AnalysisDecider.Decide(State, command, Policy, Now);
        if (decision is ProcessAccepted<AnalysisEvent> accepted)
        {
            foreach (var e in accepted.Events)
            {
                State = Analysis.Evolve(State, e);
                Events.Add(e);
            }
        }

        return decision;
    }

    public void Accept(Func<IncidentId, CommandId, AnalysisCommand> make)
    {
        var decision = Send(make);
        if (decision is ProcessRejected<AnalysisEvent> rejected)
        {
            throw new InvalidOperationException("Setup command rejected: " + rejected.Reason);
        }
    }

    public static RuleBroken Broken(ProcessDecision<AnalysisEvent> decision)
        => Assert.IsType<RuleBroken>(Assert.IsType<ProcessRejected<AnalysisEvent>>(decision).Reason);

    /// <summary>The screen-printing case up to a drafted proposal: facts, scenarios, summary, proposal.</summary>
    public AnalysisTestKit WithDraftedProposal()
    {
        Accept((i, c) => new RecordFact(i, c, Engineer, new Fact("f-returned", "logos-worn-after-washing", true, "Returned garments inspected by the printer")));
        Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s-curing", "Insufficient curing of the print", new[] { new Expectation("industrial-laundry", false) })));
        Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s-laundry", "Industrial laundry strips normal prints", new[] { new Expectation("industrial-laundry", true) })));
        Accept((i, c) => new RecordFact(i, c, Engineer, new Fact("f-laundry", "industrial-laundry", true, "The fire department's statement on its laundry machine")));
        Accept((i, c) => new RecordSituationSummary(i, c, Owner, Summary()));
        Accept((i, c) => new DraftProposal(i, c, Owner, Proposal()));
        return this;
    }

    public static SituationSummary Summary(bool discloseCustomerShare = true) => new(
        new[]
        {
            new ChronologyEntry(Instant.FromUtc(2026, 2, 1, 9, 0), "Garments delivered"),
            new ChronologyEntry(Instant.FromUtc(2026, 2, 20, 9, 0), "Customer complains of worn logos"),
        },
        new[]
        {
            new ContributingFactor("c-spec", "Garment use not captured in the order", FactorOwner.Provider, true),
            new ContributingFactor("c-laundry", "Industrial laundry not mentioned when ordering", FactorOwner.Customer, discloseCustomerShare),
            new ContributingFactor("c-print", "Screen print not rated for industrial washing", FactorOwner.ThirdParty, true),
        });

    public static Proposal Proposal() => new(
        new[] { "f-returned", "f-laundry" },
        new[] { "No screen print withstands the industrial laundry." },
        new[] { new ProposalAction("a-embroider", "Replace the logos with embroidery") },
        new[] { new ProposalAction("a-intake", "Ask about laundering when taking garment orders") });
}
