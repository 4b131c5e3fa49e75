using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Tests.Incidents;
using FsCheck;
using NodaTime;
using Stateless;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// Every edge of the mitigation-trial machine, taken through a public command on a real incident: the fold of the
/// recorded event lands where firing a fresh machine lands.
/// </summary>
public sealed class MitigationTrialFoldTests : SubProcessFoldTests<MitigationTrialState, MitigationTrialTrigger, MitigationTrialScript>
{
    public MitigationTrialFoldTests(Explored explored)
        : base(explored)
    {
    }

    /// <summary>
    /// A declined, purchased or switched-off trial never runs again, and every accepted command's fold lands where
    /// firing does.
    /// </summary>
    [ConfiguredProperty]
    public Property RandomCommands_FoldAgreesWithFire_EndedTrialStaysEnded()
        => Exploration.WalkProperty();
}

/// <summary>Which public command fires each trial trigger: the owner offers, reminds and switches off; the customer answers.</summary>
public sealed class MitigationTrialScript : SubProcessScript<MitigationTrialState, MitigationTrialTrigger>
{
    public MitigationTrialScript()
        : base(new IncidentId(new Guid("0f01d000-0000-4000-8000-000000000004")))
    {
    }

    internal override string Machine => "mitigation trial";

    internal override Type CommandBase => typeof(MitigationTrialCommand);

    internal override StateMachine<MitigationTrialState, MitigationTrialTrigger> Configure(Func<MitigationTrialState> read, Action<MitigationTrialState> write, Incident? incident, IncidentCommand? command)
        => MitigationTrialDecider.Definition.Configure(read, write);

    internal override MitigationTrialState StateOf(Incident incident) => incident.Processes.MitigationTrial?.State ?? MitigationTrialState.NotOffered;

    internal override MitigationTrialTrigger TriggerOf(IncidentCommand command) => ((MitigationTrialCommand)command).TrialTrigger;

    // Each reminder sent is a distinct place: the next one is due later, and none is left after the last.
    internal override object Signature(Incident incident)
        => (StateOf(incident), incident.Processes.MitigationTrial?.RemindersSent.Count ?? 0);

    internal override IEnumerable<TimedCommand> CommandsFor(MitigationTrialTrigger trigger, Incident incident, Instant now)
    {
        var trial = incident.Processes.MitigationTrial;
        var id = IncidentId;
        switch (trigger)
        {
            case MitigationTrialTrigger.Offer:
                yield return new(now, new OfferMitigationTrial(id, CommandId.New(), Commands.Owner, "proactive monitoring", TrialLength.Default, new[] { 14, 7 }, new MitigationRoiCase("restored", "less firefighting", "no press", 120_000m, 40_000m, 9_000m, "USD")));
                break;
            case MitigationTrialTrigger.Accept:
                yield return new(now, new AcceptMitigationTrial(id, CommandId.New(), Commands.CustomerBusinessManager));
                break;
            case MitigationTrialTrigger.Decline:
                yield return new(now, new DeclineMitigationTrial(id, CommandId.New(), Commands.Customer, "no budget this year"));
                break;
            case MitigationTrialTrigger.Remind:
                {
                    var next = trial?.Reminders.FirstOrDefault(r => !trial.RemindersSent.Contains(r.DaysBeforeEnd));
                    yield return next is { } due
                        ? new(due.DueAt > now ? due.DueAt : now, new RemindMitigationTrialEnd(id, CommandId.New(), Commands.Owner, due.DaysBeforeEnd))
                        : new(now, new RemindMitigationTrialEnd(id, CommandId.New(), Commands.Owner, 7));
                    break;
                }

            case MitigationTrialTrigger.Purchase:
                yield return new(now, new PurchaseMitigation(id, CommandId.New(), Commands.CustomerBusinessManager));
                break;
            case MitigationTrialTrigger.SwitchOff:
                yield return new(trial?.EndsAt is { } end && end > now ? end : now, new SwitchOffMitigationTrial(id, CommandId.New(), Commands.Owner, "Without monitoring the outage can return unnoticed."));
                break;
        }
    }
}
