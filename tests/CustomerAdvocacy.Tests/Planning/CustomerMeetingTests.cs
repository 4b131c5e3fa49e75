using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class CustomerMeetingTests
{
    private static readonly MeetingParticipant Customer = new("cust-1", IncidentRole.CustomerContact);
    private static readonly MeetingParticipant Owner = new("owner-1", IncidentRole.AccountableOwner);
    private static readonly MeetingParticipant Vendor = new("printer-1", IncidentRole.ThirdParty);
    private static readonly MeetingParticipant Senior = new("vp-1", IncidentRole.SeniorManager);

    [Fact]
    public void HoldCustomerMeeting_DryRunRequiredButNotHeld_IsRefused()
    {
        var kit = Scheduled(dryRun: true, seniorAtFirst: false);

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { "cust-1", "owner-1" })));

        Assert.Equal(AnalysisRules.DryRunBeforeMeeting, broken.Rule);
    }

    [Fact]
    public void HoldCustomerMeeting_ThirdPartyMissedTheDryRun_IsRefusedNamingThem()
    {
        var kit = Scheduled(dryRun: true, seniorAtFirst: false);
        kit.Accept((i, c) => new RecordMeetingDryRun(i, c, AnalysisTestKit.Owner, "m1", new[] { "owner-1", "vp-1" }));

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { "cust-1", "owner-1" })));

        Assert.Equal(AnalysisRules.DryRunBeforeMeeting, broken.Rule);
        Assert.Contains("printer-1", broken.Detail, System.StringComparison.Ordinal);
    }

    [Fact]
    public void HoldCustomerMeeting_DryRunWithEveryInternalParticipant_IsAccepted()
    {
        var kit = Scheduled(dryRun: true, seniorAtFirst: false);
        kit.Accept((i, c) => new RecordMeetingDryRun(i, c, AnalysisTestKit.Owner, "m1", new[] { "owner-1", "vp-1", "printer-1" }));

        Assert.True(kit.Send((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { "cust-1", "owner-1" })).IsAccepted);
        Assert.True(kit.State.Meetings[0].Held);
    }

    [Fact]
    public void HoldCustomerMeeting_NoDryRunPolicy_NeedsNoDryRun()
    {
        var kit = Scheduled(dryRun: false, seniorAtFirst: false);

        Assert.True(kit.Send((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { "cust-1", "owner-1" })).IsAccepted);
    }

    [Fact]
    public void HoldCustomerMeeting_SeniorManagementRequiredButAbsent_IsRefused()
    {
        var kit = Scheduled(dryRun: false, seniorAtFirst: true);

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { "cust-1", "owner-1" })));

        Assert.Equal(AnalysisRules.SeniorManagementAttends, broken.Rule);
    }

    [Fact]
    public void HoldCustomerMeeting_SeniorManagementAttendsFirstMeeting_LaterMeetingsNeedNone()
    {
        var kit = Scheduled(dryRun: false, seniorAtFirst: true);
        kit.Accept((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { "cust-1", "vp-1" }));
        kit.Accept((i, c) => new ScheduleCustomerMeeting(i, c, AnalysisTestKit.Owner, "m2", new[] { Customer, Owner }));

        Assert.True(kit.Send((i, c) => new HoldCustomerMeeting(i, c, AnalysisTestKit.Owner, "m2", new[] { "cust-1", "owner-1" })).IsAccepted);
    }

    [Fact]
    public void ScheduleCustomerMeeting_WithoutTheCustomer_IsRefused()
    {
        var kit = new AnalysisTestKit();

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new ScheduleCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { Owner, Senior })));

        Assert.Equal(AnalysisRules.MeetingKnown, broken.Rule);
    }

    [Fact]
    public void ScheduleCustomerMeeting_ByTheCustomer_IsRefused()
    {
        var kit = new AnalysisTestKit();

        var decision = kit.Send((i, c) => new ScheduleCustomerMeeting(i, c, AnalysisTestKit.Customer, "m1", new[] { Customer, Owner }));

        Assert.IsType<NotAuthorized<string>>(Assert.IsType<ProcessRejected<AnalysisEvent>>(decision).Reason);
    }

    private static AnalysisTestKit Scheduled(bool dryRun, bool seniorAtFirst)
    {
        var kit = new AnalysisTestKit(AnalysisTestKit.Policy_(dryRun, seniorAtFirst));
        kit.Accept((i, c) => new ScheduleCustomerMeeting(i, c, AnalysisTestKit.Owner, "m1", new[] { Customer, Owner, Vendor, Senior }));
        return kit;
    }
}
