using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using NodaTime;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Escalation;

/// <summary>A standard ladder: two business-hours rungs in London, then two 24x7 rungs; the top repeated once.</summary>
internal static class EscalationFixture
{
    public static readonly BusinessCalendar AroundTheClockLondon = BusinessCalendar.AroundTheClock(London);

    public static readonly EscalationLadder Ladder = new EscalationLadderBuilder("gold")
        .AddRung(EscalationLevel.FrontlineService, Duration.FromHours(2), LondonOffice, EscalationTarget.OnCallGroup("frontline"))
        .AddRung(EscalationLevel.ServiceManagement, Duration.FromHours(4), LondonOffice, EscalationTarget.Person("sam"))
        .AddRung(EscalationLevel.SeniorManagement, Duration.FromHours(1), AroundTheClockLondon, EscalationTarget.Person("vera"))
        .AddRung(EscalationLevel.Executive, Duration.FromHours(2), AroundTheClockLondon, EscalationTarget.Person("eve"), EscalationTarget.OnCallGroup("exec-duty"))
        .RepeatAtTop(1)
        .Build();

    public static readonly IncidentId Subject = new(new System.Guid("6f1c1d2e-0000-4000-8000-000000000001"));

    public static readonly EscalationDecider Decider = new();

    public static Actor As(IncidentRole role, string id = "someone") => new(id, role);

    public static CommandId Id() => CommandId.New();

    public static EscalationStatus Calm => EscalationStatus.Initial(Subject);

    /// <summary>Decides, asserts acceptance, and folds the events.</summary>
    public static (EscalationStatus Status, IReadOnlyList<EscalationEvent> Events) Apply(EscalationStatus status, EscalationCommand command, Instant now, EscalationLadder? ladder = null)
    {
        var decision = Decider.Decide(status, ladder ?? Ladder, command, now);
        var accepted = Xunit.Assert.IsType<EscalationAccepted>(decision);
        return (accepted.Events.Aggregate(status, EscalationEvolver.Evolve), accepted.Events);
    }

    public static Rejection Reject(EscalationStatus status, EscalationCommand command, Instant now, EscalationLadder? ladder = null)
        => Xunit.Assert.IsType<EscalationRejected>(Decider.Decide(status, ladder ?? Ladder, command, now)).Reason;

    public static RaiseEscalation Raise(EscalationTriggerKind kind, IncidentRole role = IncidentRole.Engineer)
        => new(Subject, Id(), As(role), kind, "because " + kind);

    public static RecordEscalationTimeOut TimeOut() => new(Subject, Id(), As(IncidentRole.ServiceManager, "scheduler"));

    public static AcknowledgeEscalation Acknowledge(IncidentRole role) => new(Subject, Id(), As(role));

    public static ClearEscalationTrigger Clear(EscalationTriggerKind kind) => new(Subject, Id(), As(IncidentRole.Engineer), kind);
}
