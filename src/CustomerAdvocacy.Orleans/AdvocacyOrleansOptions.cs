using System;
using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Orleans;

/// <summary>How incident grains schedule due actions. Validated as a whole when the silo starts.</summary>
public sealed class AdvocacyOrleansOptions
{
    /// <summary>The longest <see cref="MaximumReminderDelay"/> allowed: Orleans reminders run on timers that cannot wait longer than about 49.7 days.</summary>
    public static readonly TimeSpan ReminderDelayLimit = TimeSpan.FromDays(45);

    /// <summary>
    /// Who the commands of due actions are issued as (for example recording a missed commitment); a provider staff
    /// role. Default: <c>customer-advocacy-scheduler</c> as <see cref="IncidentRole.ServiceManager"/>.
    /// </summary>
    public Actor DueActionActor { get; set; } = new("customer-advocacy-scheduler", IncidentRole.ServiceManager);

    /// <summary>
    /// How often a due-action reminder fires again while its tick has not been settled (a failed tick is retried
    /// after this period). Raised to the silo's <c>ReminderOptions.MinimumReminderPeriod</c> when shorter.
    /// Default: 1 minute.
    /// </summary>
    public TimeSpan ReminderRetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest a reminder is armed ahead: an item due further away is approached in hops of this length (each
    /// tick finds nothing due and re-arms). At most <see cref="ReminderDelayLimit"/>. Default: 30 days.
    /// </summary>
    public TimeSpan MaximumReminderDelay { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Checks every setting and reports every problem at once.</summary>
    /// <exception cref="DefinitionValidationException">A setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<ValidationProblem>();
        if (DueActionActor is null)
        {
            problems.Add(new ValidationProblem(nameof(DueActionActor), "A due-action actor is required."));
        }
        else if (DueActionActor.Role.IsCustomer() || DueActionActor.Role == IncidentRole.ThirdParty)
        {
            problems.Add(new ValidationProblem(nameof(DueActionActor), $"Due actions are issued by provider staff, not in the role {DueActionActor.Role}."));
        }

        if (ReminderRetryPeriod <= TimeSpan.Zero)
        {
            problems.Add(new ValidationProblem(nameof(ReminderRetryPeriod), $"The retry period must be positive; it is {ReminderRetryPeriod}."));
        }

        if (MaximumReminderDelay <= TimeSpan.Zero || MaximumReminderDelay > ReminderDelayLimit)
        {
            problems.Add(new ValidationProblem(nameof(MaximumReminderDelay), $"The maximum reminder delay must be positive and at most {ReminderDelayLimit}; it is {MaximumReminderDelay}."));
        }

        if (problems.Count > 0)
        {
            throw new DefinitionValidationException(nameof(AdvocacyOrleansOptions), problems);
        }
    }
}
