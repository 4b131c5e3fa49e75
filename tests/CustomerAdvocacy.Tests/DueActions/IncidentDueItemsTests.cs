using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.DueActions;

/// <summary>An incident's own state lists what falls due; the planner's commands record it through the engine.</summary>
public sealed class IncidentDueItemsTests
{
    // Friday 6 March 2026, 16:00 in London; office 09:00-17:00; 2-hour first response, 4-hour cadence, 40-hour resolution.
    private static readonly Instant FridayFour = Instant.FromUtc(2026, 3, 6, 16, 0);
    private static readonly IncidentContext Context = new(
        new AdvocacyPolicy(Duration.FromHours(2), Duration.FromHours(4), Duration.FromHours(40), TargetClock.BusinessTime, "standard-ladder"),
        new BusinessCalendarBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build());

    private static readonly DueActionPlanner Planner = new(new Actor("due-action-runner", IncidentRole.ServiceManager));

    private readonly IncidentId _id = IncidentId.New();
    private readonly FakeClock _clock = new(FridayFour);
    private readonly IncidentEngine _engine;
    private readonly IncidentCommands _script;

    public IncidentDueItemsTests()
    {
        _engine = new IncidentEngine(new InMemoryIncidentStore(), new FixedIncidentContextProvider(Context), _clock);
        _script = new IncidentCommands(_id, FridayFour);
    }

    [Fact]
    public async Task ForIncident_Opened_ListsTheWarningAndBreachOfEveryRunningDeadlineAndOpenCommitments()
    {
        await _engine.ExecuteAsync(_script.Open());
        var state = (await _engine.ExecuteAsync(_script.CapturePerspective())).Incident;
        state = (await _engine.ExecuteAsync(_script.Commit("k1", 70))).Incident;

        var items = DueItemSources.ForIncident(state).OrderBy(i => i).ToArray();

        Assert.Equal(
            new[]
            {
                new DueItem(_id, DueItemKind.SlaWarning, DueItemReferences.FirstResponse, Utc(9, 9, 30)),
                new DueItem(_id, DueItemKind.SlaBreach, DueItemReferences.FirstResponse, Utc(9, 10)),
                new DueItem(_id, DueItemKind.SlaWarning, DueItemReferences.Update, Utc(9, 11)),
                new DueItem(_id, DueItemKind.SlaBreach, DueItemReferences.Update, Utc(9, 12)),
                new DueItem(_id, DueItemKind.CommitmentDue, "k1", FridayFour + Duration.FromHours(70)),
                new DueItem(_id, DueItemKind.SlaWarning, DueItemReferences.Resolution, Utc(12, 14)),
                new DueItem(_id, DueItemKind.SlaBreach, DueItemReferences.Resolution, Utc(13, 16)),
            },
            items);
    }

    [Fact]
    public async Task Sweep_DueItemsThroughTheEngine_RecordsEachOnce_ItemsNotYetDueAreRejected()
    {
        await _engine.ExecuteAsync(_script.Open());
        _clock.Reset(Utc(9, 10));
        var state = await _engine.LoadAsync(_id);
        var all = Planner.Plan(DueItemSources.ForIncident(state).OrderBy(i => i));
        var due = all.Where(a => a.Item.Due <= _clock.GetCurrentInstant()).ToArray();
        Assert.Equal(2, due.Length);

        var recorded = await Task.WhenAll(due.Select(a => _engine.ExecuteAsync(a.IncidentCommand!)));
        Assert.All(recorded, r => Assert.True(r.Decision.IsAccepted));
        var again = await Task.WhenAll(due.Select(a => _engine.ExecuteAsync(a.IncidentCommand!)));
        Assert.All(again, r => Assert.True(r.IsDuplicate));

        state = await _engine.LoadAsync(_id);
        Assert.True(state.ServiceLevels!.FirstResponse.WarningRaised && state.ServiceLevels.FirstResponse.Breached);
        Assert.DoesNotContain(DueItemSources.ForIncident(state), i => i.Key.Reference == DueItemReferences.FirstResponse);

        var early = all.First(a => a.Item.Key.Reference == DueItemReferences.Update);
        var rejected = await _engine.ExecuteAsync(early.IncidentCommand!);
        Assert.Equal(IncidentRules.ServiceLevelMustBeDue, Assert.IsType<RuleBroken>(Assert.IsType<Rejected>(rejected.Decision).Reason).Rule);
        Assert.Equal(state, rejected.Incident);
    }

    [Fact]
    public async Task Sweep_MissedUpdateOccurrence_RearmsTheNextOccurrenceWithANewCommandId()
    {
        await _engine.ExecuteAsync(_script.Open());
        _clock.Reset(Utc(9, 12));
        var breach = Planner.Plan(DueItemSources.ForIncident(await _engine.LoadAsync(_id)).Single(i => i.Key == new DueItemKey(_id, DueItemKind.SlaBreach, DueItemReferences.Update)));

        var state = (await _engine.ExecuteAsync(breach.IncidentCommand!)).Incident;

        var next = DueItemSources.ForIncident(state).Single(i => i.Key == breach.Item.Key);
        Assert.Equal(Utc(9, 16), next.Due);
        Assert.NotEqual(DueActionPlanner.CommandIdFor(breach.Item), DueActionPlanner.CommandIdFor(next));
        Assert.Equal((1, ServiceLevelKind.Update, 2), (state.ServiceLevels!.UpdatesMissed, state.ServiceLevels.Update.Kind, state.ServiceLevels.Update.Occurrence));
    }

    private static Instant Utc(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 3, day, hour, minute);
}
