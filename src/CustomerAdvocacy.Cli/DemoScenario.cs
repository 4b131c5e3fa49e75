using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Sqlite;
using NodaTime;
using Spectre.Console;

namespace CustomerAdvocacy.Cli;

/// <summary>
/// The demo: the Saturday-patch incident (a managed-services customer's fab scheduling server needs a patch, the
/// owner hands off mid-change, the customer sees the server down) run end to end on an embedded SQLite store, on a
/// deterministic clock the story advances, so the output is the same on every run. Every step, the change plan and the
/// management review included, is a command through the engine on the incident's one stream, so the closing gate sees
/// the change plan and a replay of the store shows every sub-process event. Every use of the engine is in this class.
/// </summary>
internal sealed class DemoScenario
{
    internal static readonly IncidentId IncidentId = new(Guid.Parse("5a7a0000-0000-4000-8000-00000000d340"));

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Actor Fred = new("fred", IncidentRole.AccountableOwner);
    private static readonly Actor ServiceManager = new("service-manager", IncidentRole.ServiceManager);
    private static readonly Actor CustomerIt = new("customer-it", IncidentRole.CustomerContact);
    private static readonly Actor PlantManager = new("plant-manager", IncidentRole.CustomerBusinessManager);
    private static readonly ChangePlanId PatchPlan = new(Guid.Parse("5a7a0000-0000-4000-8000-00000000c4a1"));

    private readonly IncidentEngine _engine;
    private readonly ScenarioClock _clock;
    private readonly BusinessCalendar _customerCalendar;
    private readonly AdvocacyPolicy _policy;
    private readonly Table _timeline;
    private int _commands;

    private DemoScenario(IncidentEngine engine, ScenarioClock clock, BusinessCalendar customerCalendar, AdvocacyPolicy policy, Table timeline)
    {
        _engine = engine;
        _clock = clock;
        _customerCalendar = customerCalendar;
        _policy = policy;
        _timeline = timeline;
    }

    internal static async Task RunAsync(string? databasePath, CancellationToken cancellationToken)
    {
        var path = databasePath ?? Path.Combine(Path.GetTempPath(), $"advocacy-demo-{Guid.NewGuid():N}.db");
        if (File.Exists(path))
        {
            throw new UserErrorException($"'{path}' already exists; the demo writes a new store. Give another --db path or delete the file.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new UserErrorException($"the folder of '{path}' does not exist.");
        }

        using var store = new SqliteIncidentStore($"Data Source={path};Pooling=False");
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);

        // Tuesday 20 October 2026, 08:40 in New York (EDT); the clocks go back on Sunday 1 November, mid-story.
        var clock = new ScenarioClock(NewYork.AtStrictly(new LocalDateTime(2026, 10, 20, 8, 40)).ToInstant());
        var calendar = new BusinessCalendarBuilder(NewYork)
            .WithName("Fab customer office hours")
            .AddWeekdayHours(new LocalTime(8, 0), new LocalTime(18, 0))
            .AddHoliday(new LocalDate(2026, 11, 26), "Thanksgiving")
            .Build();
        var catalog = new SegmentCatalogBuilder(1)
            .AddSegment("strategic", new AdvocacyPolicy(Duration.FromHours(1), Duration.FromHours(4), Duration.FromHours(100), TargetClock.BusinessTime, "strategic-ladder") { SeniorManagementAtFirstMeeting = true })
            .AddSegment("standard", new AdvocacyPolicy(Duration.FromHours(4), Duration.FromHours(8), Duration.FromHours(200), TargetClock.BusinessTime, "standard-ladder"))
            .AddRule("strategic accounts", "strategic", p => p.Strategic)
            .WithDefaultSegment("standard")
            .Build();
        var profile = new CustomerProfile("semiconductor-fab", "gold", 2_400_000m, NewYork, calendar) { Strategic = true };
        var assignment = catalog.Classify(profile);
        var policies = new PolicyRegistry();
        policies.Publish(catalog);
        // The review is due in the customer's business days; the review policy is part of the incident's context.
        var contexts = new IncidentContextProvider(policies, new CustomerDirectory(new[] { profile }), reviewPolicy: new ReviewPolicy(5, 3, 0.3m));

        var timeline = new Table()
            .Title(Markup.Escape($"Incident {IncidentId}: the Saturday patch ({assignment.SegmentId} segment, times in {NewYork.Id})"))
            .AddColumn(new TableColumn("When").NoWrap())
            .AddColumn("Who")
            .AddColumn("What")
            .AddColumn(new TableColumn("Outcome").NoWrap())
            .AddColumn(new TableColumn("Due").NoWrap());
        var scenario = new DemoScenario(new IncidentEngine(store, contexts, clock), clock, calendar, assignment.Policy, timeline);

        await AnsiConsole.Status().StartAsync("Running the Saturday-patch incident…", _ => scenario.PlayAsync(profile, assignment, cancellationToken)).ConfigureAwait(false);
        AnsiConsole.Write(timeline);

        var final = await scenario._engine.LoadAsync(IncidentId, cancellationToken).ConfigureAwait(false);
        AnsiConsole.MarkupLine(Markup.Escape($"Final state: {final.State} at version {final.Version}; criteria met: {final.Criteria.Count(c => c.IsMet)}/{final.Criteria.Count}; open commitments: {final.Commitments.Count(c => c.IsOutstanding)}."));
        AnsiConsole.MarkupLine(Markup.Escape($"Store: {Path.GetFullPath(path)}"));
        AnsiConsole.MarkupLine(Markup.Escape($"Replay it: advocacy replay \"{Path.GetFullPath(path)}\" {IncidentId} --zone {NewYork.Id}"));
    }

    private async Task PlayAsync(CustomerProfile profile, SegmentAssignment assignment, CancellationToken ct)
    {
        var id = IncidentId;

        // 1. Segmentation and opening: the first-response and update clocks start in the customer's calendar.
        var opened = await Do(new OpenIncident(id, Next(), Fred, profile.CustomerId, Fred.Id, assignment.Reference, null), $"Customer reports connections to the fab scheduling server dropping; classified '{assignment.SegmentId}' by rule '{assignment.RuleName}'", ct).ConfigureAwait(false);
        var levels = opened.ServiceLevels!;
        Note("service levels", $"first response due (policy: {TimeText.Hours(_policy.FirstResponseTarget)} business time)", levels.FirstResponse.Schedule.Due);
        Note("service levels", $"next update due (every {TimeText.Hours(_policy.UpdateCadence)})", levels.Update.Schedule.Due);

        // 2. Engagement: listen, empathize, ask, then produce; no commitment without a due instant: one is proposed when none is named.
        _clock.Advance(Duration.FromMinutes(25));
        await Do(new RecordConversation(id, Next(), Fred, "first-call", new[] { "fred", "customer-it", "plant-manager" }, null, null), "First call with everyone involved", ct).ConfigureAwait(false);
        var updated = await Do(new SendCustomerUpdate(id, Next(), Fred, new[] { "customer-it", "plant-manager" }), "Call confirmed in writing to everyone: first response met", ct).ConfigureAwait(false);
        Note("service levels", "next update due", updated.ServiceLevels!.Update.Schedule.Due);
        await Do(new CapturePerspective(id, Next(), CustomerIt, new CustomerPerspective("the scheduling server keeps dropping connections", "lots wait at the lithography step", "a stable server before month-end processing", Duration.FromDays(5))), "Customer's perspective captured (LEAP)", ct).ConfigureAwait(false);
        await Do(new MakeCommitment(id, Next(), Fred, "findings", Fred.Id, "Send the root-cause findings", null), "Promise the findings 'as soon as possible': a due instant is proposed", ct).ConfigureAwait(false);
        await Do(new RejectCommitmentDue(id, Next(), CustomerIt, "findings", "the shift lead needs them before the 14:00 handover"), "Customer rejects the proposed date, naming the constraint", ct).ConfigureAwait(false);
        await Do(new MakeCommitment(id, Next(), Fred, "findings", Fred.Id, "Send the root-cause findings", _customerCalendar.Add(_clock.GetCurrentInstant(), Duration.FromHours(4))), "Promise the root-cause findings in four business hours", ct).ConfigureAwait(false);

        // 3–4. Facts before remedies, then a plan with criteria for closing agreed at the outset.
        _clock.Advance(Duration.FromHours(1));
        await Do(new StartAnalysis(id, Next(), Fred), "Analysis starts: evidence first", ct).ConfigureAwait(false);
        _clock.Advance(Duration.FromHours(2));
        await Do(new DeliverCommitment(id, Next(), Fred, "findings"), "Findings delivered: a known OS defect, fixed by vendor patch 4.2.1", ct).ConfigureAwait(false);
        var target = _customerCalendar.Add(_clock.GetCurrentInstant(), _policy.ResolutionTarget);
        await Do(new ProposePlan(id, Next(), Fred, target, new[]
        {
            new CriterionDraft("patch-applied", "Patch 4.2.1 is applied"),
            new CriterionDraft("server-stable", "Server and customer connections stable for a full shift"),
            new CriterionDraft("month-end-clean", "Month-end processing runs without interruption"),
        }), "Get-well plan proposed with three closing criteria", ct, target).ConfigureAwait(false);
        _clock.Advance(Duration.FromHours(1));
        await Do(new ApprovePlan(id, Next(), PlantManager), "Customer approves the plan: the criteria are agreed", ct).ConfigureAwait(false);
        await Do(new StartExecution(id, Next(), Fred), "Execution starts", ct).ConfigureAwait(false);

        // The patch is a change: a project of its own, scheduled in the customer's zone away from month-end processing.
        await PlayChangePlanAsync(id, ct).ConfigureAwait(false);

        // 5. Resolution against the agreed criteria; the customer disputes, work returns to the doubted criterion only.
        _clock.Set(NewYork.AtStrictly(new LocalDateTime(2026, 11, 2, 9, 0)).ToInstant());
        await Do(new RecordCriterionMet(id, Next(), Fred, "month-end-clean", "billing run log 2026-11-01", "fred"), "Month-end processing ran clean", ct).ConfigureAwait(false);
        await Do(new RecordCriterionMet(id, Next(), Fred, "server-stable", "monitoring: no drops since the patch", "fred"), "Server looks stable", ct).ConfigureAwait(false);
        await Do(new ProposeResolution(id, Next(), Fred), "Resolution proposed to the customer", ct).ConfigureAwait(false);
        _clock.Advance(Duration.FromHours(2));
        await Do(new DisputeResolution(id, Next(), CustomerIt, new[] { "server-stable" }, "connections dropped again at the shift change"), "Customer disputes: connections dropped at the shift change", ct).ConfigureAwait(false);
        _clock.Advance(Duration.FromHours(5));
        await Do(new RecordCriterionMet(id, Next(), Fred, "server-stable", "connection pool resized; a full shift without drops", "fred"), "Connection pool fixed; a full shift without drops", ct).ConfigureAwait(false);
        await Do(new ProposeResolution(id, Next(), Fred), "Resolution proposed again", ct).ConfigureAwait(false);
        _clock.Advance(Duration.FromMinutes(30));
        await Do(new ConfirmResolution(id, Next(), PlantManager), "Customer confirms: resolved", ct).ConfigureAwait(false);

        // The change plan is a project of its own: the incident cannot close while the customer has not confirmed it.
        await Do(new CloseIncident(id, Next(), Fred), "Owner tries to close: the patch's change plan still waits for the customer", ct).ConfigureAwait(false);
        _clock.Advance(Duration.FromMinutes(15));
        await Do(new ConfirmAllIsWell(id, PatchPlan, Next(), CustomerIt), "Customer IT confirms all is well after the patch: change plan closes", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
        var closed = await Do(new CloseIncident(id, Next(), Fred), "Incident closed: every criterion met, confirmed, change plan confirmed, nothing open", ct).ConfigureAwait(false);
        await Do(new ReturnToSop(id, Next(), Fred), "Customer handed back to standard operating procedure", ct).ConfigureAwait(false);

        // 6. Internal management review, due in the customer's business days.
        await PlayReviewAsync(id, closed.ResolvedAt ?? _clock.GetCurrentInstant(), ct).ConfigureAwait(false);
        await Do(new CompleteReview(id, Next(), ServiceManager), "Lifecycle review step: the management review is complete", ct).ConfigureAwait(false);
    }

    private async Task PlayChangePlanAsync(IncidentId id, CancellationToken ct)
    {
        var officeHours = new BusinessCalendarBuilder(NewYork).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var definition = new ChangePlanBuilder(PatchPlan, "Apply OS patch 4.2.1 to the fab scheduling server", ChangePlanSize.Small)
            .WithReasons("Connections drop and lots wait at lithography.", "Vendor patch 4.2.1 fixes the OS defect found in analysis.")
            .WithSchedulingConstraints(
                new BusinessCalendarBuilder(NewYork).WithName("Saturday change window").AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(6, 0), new LocalTime(18, 0)).Build(),
                new BlackoutSetBuilder(NewYork).AddMonthEndBusinessDays("month-end processing", 2, officeHours, "billing runs").Build(),
                Duration.FromHours(4))
            .WithAccountableOwner(Fred.Id)
            .AddParty(ChangePartyKind.Customer, "Semiconductor fab", new ChangeContact("customer-it", "+1 555 0100"), new ChangeContact("customer-ops", "+1 555 0101"))
            .AddParty(ChangePartyKind.Provider, "Managed services", new ChangeContact("fred", "pager 42"), new ChangeContact("noc", "+1 555 0199"))
            .WithBackOutPlan("Restore the pre-patch snapshot and restart the scheduling service.")
            .AddValidationStep("Server up, scheduling service answers, customer connections restored.")
            .Build();

        await Do(new DraftChangePlan(id, Next(), Fred, definition), "Change plan drafted for the patch: a project of its own", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
        await Do(new ReviewChangePlanWithCustomer(id, PatchPlan, Next(), Fred, "customer-it"), "Change plan reviewed with the customer", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
        var scheduled = await Do(new ScheduleEarliestChangeSlot(id, PatchPlan, Next(), Fred, _clock.GetCurrentInstant()), "Earliest slot in the Saturday window, outside month-end processing", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
        var slot = scheduled.Processes.FindChangePlan(PatchPlan)!.Slot!.Value;
        Note("change plan", $"change window booked ({TimeText.Hours(slot.Duration)})", slot.Start);

        _clock.Set(slot.Start);
        await Do(new StartChange(id, PatchPlan, Next(), Fred), "Change starts: server down for patching", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
        _clock.Advance(Duration.FromMinutes(40));
        await Do(new PassPointOfNoReturn(id, PatchPlan, Next(), Fred), "Point of no return passed", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
        await Do(new RecordCriterionMet(id, Next(), Fred, "patch-applied", "patch log 07:10", "fred"), "Patch applied", ct).ConfigureAwait(false);
        _clock.Advance(Duration.FromMinutes(50));
        await Do(new StartChangeValidation(id, PatchPlan, Next(), Fred), "Validation steps run with the customer; they confirm after a full production week", ct, outcome: ChangePlanOutcome).ConfigureAwait(false);
    }

    private async Task PlayReviewAsync(IncidentId id, Instant closedAt, CancellationToken ct)
    {
        var started = await Do(new StartManagementReview(id, Next(), ServiceManager, closedAt), "Management review opened", ct, outcome: ReviewOutcome).ConfigureAwait(false);
        Note("management review", "review due (five business days after closing)", started.Processes.ManagementReview!.DueAt!.Value);
        _clock.Advance(Duration.FromDays(1));
        await Do(
            new RecordReviewFindings(
                id,
                Next(),
                ServiceManager,
                new[] { new ChronologyEntry(closedAt, "incident closed with the customer's confirmation") },
                new[] { new ContributingFactor("handoff", "The change owner handed off mid-change without a named successor on call", FactorOwner.Provider, true) },
                new[] { "Every change is a project, however small." }),
            "Findings recorded: chronology, contributing factors, learnings",
            ct,
            outcome: ReviewOutcome).ConfigureAwait(false);
        await Do(new AddPreventiveAction(id, Next(), ServiceManager, new PreventiveAction("change-handoff", "Require a named successor on call for every change", PreventiveActionKind.Process, "service-manager", _customerCalendar.AddBusinessDays(_clock.GetCurrentInstant(), 10))), "Preventive action: a named successor on call for every change", ct, outcome: ReviewOutcome).ConfigureAwait(false);
        await Do(new CompleteManagementReview(id, Next(), ServiceManager), "Management review completed", ct, outcome: ReviewOutcome).ConfigureAwait(false);
    }

    private static string ChangePlanOutcome(Incident incident) => "change plan " + incident.Processes.FindChangePlan(PatchPlan)!.State;

    private static string ReviewOutcome(Incident incident) => "review " + incident.Processes.ManagementReview!.State;

    private async Task<Incident> Do(IncidentCommand command, string what, CancellationToken ct, Instant? due = null, Func<Incident, string>? outcome = null)
    {
        var result = await _engine.ExecuteAsync(command, ct).ConfigureAwait(false);
        var offered = (result.Decision as Accepted)?.Events.OfType<CommitmentOffered>().FirstOrDefault()?.Offer;
        var dueShown = due ?? (command as MakeCommitment)?.Due ?? offered?.Due;
        var shown = result.Decision is Rejected rejected
            ? "refused: " + Describe(rejected.Reason)
            : offered is not null ? "offered to the customer" : outcome?.Invoke(result.Incident) ?? result.Incident.State.ToString();
        Row(command.Actor, what, shown, dueShown);
        return result.Incident;
    }

    private void Row(Actor actor, string what, string outcome, Instant? due)
        => _timeline.AddRow(
            Markup.Escape(TimeText.Short(_clock.GetCurrentInstant(), NewYork)),
            Markup.Escape($"{actor.Id} ({actor.Role})"),
            Markup.Escape(what),
            outcome.StartsWith("refused", StringComparison.Ordinal) ? "[red]" + Markup.Escape(outcome) + "[/]" : Markup.Escape(outcome),
            due is { } d ? Markup.Escape(TimeText.Short(d, NewYork)) : string.Empty);

    private void Note(string who, string what, Instant due)
        => _timeline.AddRow(
            Markup.Escape(TimeText.Short(_clock.GetCurrentInstant(), NewYork)),
            Markup.Escape(who),
            Markup.Escape(what),
            string.Empty,
            Markup.Escape(TimeText.Short(due, NewYork)));

    private static string Describe(Rejection reason) => reason is RuleBroken broken ? broken.Rule : reason.Kind;

    // Deterministic command ids: the same story writes the same ids on every run.
    private CommandId Next() => new(new Guid(++_commands, 0x5a7a, 0x4000, 0x80, 0, 0, 0, 0, 0, 0xd3, 0x40));

    /// <summary>A clock the story moves forward, so every run prints the same instants.</summary>
    private sealed class ScenarioClock : IClock
    {
        private Instant _now;

        internal ScenarioClock(Instant start) => _now = start;

        public Instant GetCurrentInstant() => _now;

        internal void Advance(Duration duration) => _now += duration;

        internal void Set(Instant instant) => _now = instant > _now ? instant : throw new InvalidOperationException("The story's clock only moves forward.");
    }
}
