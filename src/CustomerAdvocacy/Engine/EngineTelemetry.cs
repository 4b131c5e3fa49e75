using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using static CustomerAdvocacy.Diagnostics.AdvocacyTelemetry;

namespace CustomerAdvocacy.Engine;

/// <summary>
/// Records the engine's spans and counters under the names <see cref="AdvocacyTelemetry"/> publishes: the names are
/// part of the kernel's vocabulary, the recording needs the engine's results.
/// </summary>
internal static class EngineTelemetry
{
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
