using System;
using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>Where an incident stands against its policy's responsiveness targets.</summary>
/// <param name="FirstResponse">The first-response clock: started when the incident was opened, stopped by the first recorded conversation.</param>
/// <param name="Updates">The update cadence: a recorded conversation is due every cadence interval from the opening until the incident is resolved.</param>
public sealed record IncidentServiceLevels(SlaClockReading FirstResponse, CadenceReport Updates)
{
    /// <summary>
    /// Evaluates an incident against the policy it was opened under, in the customer's calendar (or around the clock in
    /// the customer's zone when the policy says so). Recorded conversations count as responses and updates: every one
    /// is confirmed in writing to everyone involved. Pure: nothing is stored; rebuild it whenever it is needed.
    /// </summary>
    /// <param name="incident">The incident; it must be opened.</param>
    /// <param name="policy">The policy resolved from <see cref="Incident.Policy"/>.</param>
    /// <param name="customerCalendar">The customer's business calendar.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The first-response reading and the cadence report (the cadence ends when the incident is resolved).</returns>
    /// <exception cref="ArgumentException">The incident is not opened.</exception>
    public static IncidentServiceLevels Evaluate(Incident incident, AdvocacyPolicy policy, BusinessCalendar customerCalendar, Instant now)
    {
        Preconditions.CheckNotNull(incident);
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(customerCalendar);
        if (incident.OpenedAt is not { } opened)
        {
            throw new ArgumentException("The incident is not opened.", nameof(incident));
        }

        var end = incident.ResolvedAt is { } resolved && resolved < now ? resolved : now;
        var contacts = incident.Conversations.Select(c => c.At).Where(at => at >= opened && at <= end).ToArray();

        var responseTarget = Target(policy.FirstResponseTarget, policy.Clock);
        var calendar = responseTarget.CalendarFor(customerCalendar);
        var clock = SlaClock.Start(responseTarget, calendar, opened);
        if (contacts.Length > 0)
        {
            clock = clock.Stop(contacts[0]);
        }

        var cadence = new Cadence(policy.UpdateCadence, Target(policy.UpdateCadence, policy.Clock).CalendarFor(customerCalendar));
        return new IncidentServiceLevels(clock.Evaluate(now), cadence.Evaluate(opened, contacts, end));
    }

    private static SlaTarget Target(Duration duration, TargetClock clock)
        => clock == TargetClock.AroundTheClock ? SlaTarget.AroundTheClock(duration) : SlaTarget.InBusinessTime(duration);
}
