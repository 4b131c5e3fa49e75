using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>
/// The names of the library's traces and metrics, for hosts that subscribe to them (OpenTelemetry's
/// <c>AddSource</c> / <c>AddMeter</c>, or a listener). Tags carry ids, triggers, states, kinds and rule names only:
/// never customer names or free text.
/// </summary>
public static class AdvocacyTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> the engine starts a span on per command.</summary>
    public const string ActivitySourceName = "CustomerAdvocacy";

    /// <summary>The name of the span started per command executed through the engine.</summary>
    public const string CommandActivityName = "customeradvocacy.command";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of the engine's instruments.</summary>
    public const string MeterName = "CustomerAdvocacy";

    /// <summary>
    /// Counter of commands executed, tagged <c>customeradvocacy.trigger</c>, <c>customeradvocacy.outcome</c>
    /// (<c>accepted</c>, <c>rejected</c>, <c>duplicate</c>, <c>failed</c>) and, for a rejection,
    /// <c>customeradvocacy.rejection</c> (the rejection kind) and <c>customeradvocacy.rule</c> (the broken rule, if any).
    /// </summary>
    public const string CommandsInstrumentName = "customeradvocacy.commands";

    /// <summary>Counter of escalations raised or risen, tagged <c>customeradvocacy.escalation.level</c>.</summary>
    public const string EscalationsInstrumentName = "customeradvocacy.escalations";

    /// <summary>Tag: the command's trigger.</summary>
    public const string TriggerTag = "customeradvocacy.trigger";

    /// <summary>Tag: what became of the command.</summary>
    public const string OutcomeTag = "customeradvocacy.outcome";

    /// <summary>Tag: the kind of rejection (see <see cref="Rejection.Kind"/>).</summary>
    public const string RejectionTag = "customeradvocacy.rejection";

    /// <summary>Tag: the broken rule's stable name, for a <see cref="RuleBroken"/> rejection.</summary>
    public const string RuleTag = "customeradvocacy.rule";

    /// <summary>Tag: the incident id (spans only; metrics never carry ids).</summary>
    public const string IncidentIdTag = "customeradvocacy.incident.id";

    /// <summary>Tag: the incident's lifecycle state after the command (spans only).</summary>
    public const string StateTag = "customeradvocacy.incident.state";

    /// <summary>Tag: the escalation level reached.</summary>
    public const string EscalationLevelTag = "customeradvocacy.escalation.level";

    internal const string OutcomeAccepted = "accepted";
    internal const string OutcomeRejected = "rejected";
    internal const string OutcomeDuplicate = "duplicate";
    internal const string OutcomeFailed = "failed";

    // One source and one meter per process, as System.Diagnostics intends: listeners subscribe by name.
    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(CommandsInstrumentName, "{command}", "Commands executed through the incident engine, by trigger and outcome.");
    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(EscalationsInstrumentName, "{escalation}", "Escalations raised or risen, by level.");

    internal static Activity? StartCommand(IncidentCommand command)
    {
        var activity = Source.StartActivity(CommandActivityName, ActivityKind.Internal);
        activity?.SetTag(IncidentIdTag, command.IncidentId.ToString());
        activity?.SetTag(TriggerTag, command.Trigger.ToString());
        return activity;
    }

    internal static void Completed(Activity? activity, IncidentCommand command, CommandResult result)
    {
        Record(activity, command.Trigger, result);
        foreach (var followUp in result.FollowUps)
        {
            Record(null, IncidentTrigger.Open, followUp);
        }
    }

    /// <summary>Records a failed command; returns <see langword="false"/> so it can serve as an exception filter.</summary>
    internal static bool Failed(Activity? activity, IncidentCommand command, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag(OutcomeTag, OutcomeFailed);
        Commands.Add(1, new KeyValuePair<string, object?>(TriggerTag, command.Trigger.ToString()), new KeyValuePair<string, object?>(OutcomeTag, OutcomeFailed));
        return false;
    }

    /// <summary>Counts the escalations among recorded events (typed as object: escalation events have their own stream).</summary>
    internal static void CountEscalations(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            EscalationLevel? level = e switch
            {
                EscalationRaised raised => raised.Level,
                EscalationRose rose => rose.Level,
                _ => null,
            };
            if (level is { } reached)
            {
                Escalations.Add(1, new KeyValuePair<string, object?>(EscalationLevelTag, reached.ToString()));
            }
        }
    }

    private static void Record(Activity? activity, IncidentTrigger trigger, CommandResult result)
    {
        var triggerTag = new KeyValuePair<string, object?>(TriggerTag, trigger.ToString());
        activity?.SetTag(StateTag, result.Incident.State.ToString());
        if (result.IsDuplicate)
        {
            activity?.SetTag(OutcomeTag, OutcomeDuplicate);
            Commands.Add(1, triggerTag, new KeyValuePair<string, object?>(OutcomeTag, OutcomeDuplicate));
            return;
        }

        switch (result.Decision)
        {
            case Accepted accepted:
                activity?.SetTag(OutcomeTag, OutcomeAccepted);
                Commands.Add(1, triggerTag, new KeyValuePair<string, object?>(OutcomeTag, OutcomeAccepted));
                CountEscalations(accepted.Events);
                break;
            case Rejected rejected:
                var rule = (rejected.Reason as RuleBroken)?.Rule;
                activity?.SetTag(OutcomeTag, OutcomeRejected);
                activity?.SetTag(RejectionTag, rejected.Reason.Kind);
                activity?.SetTag(RuleTag, rule);
                Commands.Add(
                    1,
                    triggerTag,
                    new KeyValuePair<string, object?>(OutcomeTag, OutcomeRejected),
                    new KeyValuePair<string, object?>(RejectionTag, rejected.Reason.Kind),
                    new KeyValuePair<string, object?>(RuleTag, rule));
                break;
        }
    }
}
