using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>The Saturday-patch change: New York customer, Saturday change window, month-end processing blacked out.</summary>
internal sealed class ChangePlanFixture
{
    internal static readonly IncidentId IncidentOfPlan = new(Guid.Parse("5a7a0000-0000-4000-8000-0000000000aa"));
    internal static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    internal static readonly Actor Fred = new("fred", IncidentRole.AccountableOwner);
    internal static readonly Actor Sarah = new("sarah", IncidentRole.AccountableOwner);
    internal static readonly Actor SarahAsEngineer = new("sarah", IncidentRole.Engineer);
    internal static readonly Actor CustomerIt = new("customer-it", IncidentRole.CustomerContact);

    private readonly ChangePlanDecider _decider = new();
    private readonly List<ChangePlanEvent> _events = new();

    internal ChangePlanFixture(ChangePlanDefinition definition)
    {
        Definition = definition;
        Plan = ChangePlan.Start(definition);
    }

    internal ChangePlanDefinition Definition { get; }

    internal ChangePlan Plan { get; private set; }

    internal IReadOnlyList<ChangePlanEvent> Events => _events;

    internal static Instant At(int year, int month, int day, int hour = 0, int minute = 0)
        => NewYork.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    internal static BusinessCalendar SaturdayChangeWindow() => new BusinessCalendarBuilder("America/New_York")
        .WithName("Saturday change window")
        .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(6, 0), new LocalTime(18, 0))
        .Build();

    internal static BlackoutSet MonthEndProcessing() => new BlackoutSetBuilder("America/New_York")
        .AddMonthEndBusinessDays("month-end processing", 3, new BusinessCalendarBuilder("America/New_York").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build(), "billing runs")
        .Build();

    internal static ChangePlanBuilder SaturdayPatch(ChangePlanSize size = ChangePlanSize.Small, ChangePlanId? id = null)
        => new ChangePlanBuilder(id ?? new ChangePlanId(Guid.Parse("5a7a0000-0000-4000-8000-000000000001")), "Apply OS patch to the fab scheduling server", size)
            .WithReasons("The customer's auditors require the security fix before quarter end.", "Vendor patch 4.2.1 for the scheduling server's OS.")
            .WithSchedulingConstraints(SaturdayChangeWindow(), MonthEndProcessing(), Duration.FromHours(4))
            .WithAccountableOwner(Fred.Id)
            .AddParty(ChangePartyKind.Customer, "Semiconductor Co", new ChangeContact("customer-it", "+1 555 0100"), new ChangeContact("customer-ops", "+1 555 0101"))
            .AddParty(ChangePartyKind.Provider, "Managed services", new ChangeContact("fred", "pager 42"), new ChangeContact("noc", "+1 555 0199"))
            .WithBackOutPlan("Restore the pre-patch snapshot and restart the scheduling service.")
            .AddValidationStep("Server up, scheduling service answers, customer connections restored.");

    internal static ChangePlanFixture Scheduled()
    {
        var fixture = new ChangePlanFixture(SaturdayPatch().Build());
        fixture.Accept(new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, fixture.Plan.Id, CommandId.New(), Fred, "customer-it"), At(2026, 11, 2, 10));
        fixture.Accept(new ScheduleEarliestChangeSlot(ChangePlanFixture.IncidentOfPlan, fixture.Plan.Id, CommandId.New(), Fred, At(2026, 11, 2, 10)), At(2026, 11, 2, 10));
        return fixture;
    }

    internal ProcessDecision<ChangePlanEvent> Decide(ChangePlanCommand command, Instant now) => _decider.Decide(Plan, command, now);

    internal ChangePlan Accept(ChangePlanCommand command, Instant now)
    {
        var decision = Decide(command, now);
        var accepted = Assert.IsType<ProcessAccepted<ChangePlanEvent>>(decision);
        foreach (var e in accepted.Events)
        {
            Plan = Plan.Evolve(e);
            _events.Add(e);
        }

        return Plan;
    }

    internal T Reject<T>(ChangePlanCommand command, Instant now)
        where T : Rejection
    {
        var before = Plan;
        var rejected = Assert.IsType<ProcessRejected<ChangePlanEvent>>(Decide(command, now));
        Assert.Same(before, Plan);
        return Assert.IsType<T>(rejected.Reason);
    }

    internal ChangePlanId Id => Plan.Id;

    internal Instant SlotStart => Plan.Slot!.Value.Start;

    internal static IEnumerable<string> Paths(DefinitionValidationException e) => e.Problems.Select(p => p.Path);
}
