using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>
/// How a due instant is proposed for a commitment the customer named none for: the owner's outstanding commitments on
/// the incident are worked first, each assumed to need <see cref="EffortPerOutstandingCommitment"/>, then the new work
/// (<see cref="DefaultEffort"/> unless the command says), then <see cref="Buffer"/>, all in business time of the
/// customer's calendar (see <see cref="Scheduling.DueDateProposer"/>).
/// </summary>
public sealed record CommitmentProposalSettings
{
    /// <summary>Creates settings.</summary>
    /// <param name="defaultEffort">The business time new work needs when the command names none; positive.</param>
    /// <param name="buffer">The business time added after the work; not negative.</param>
    /// <param name="effortPerOutstandingCommitment">The business time each outstanding commitment is assumed to still need; not negative.</param>
    /// <exception cref="DefinitionValidationException">A value is out of range; every problem is listed.</exception>
    public CommitmentProposalSettings(Duration defaultEffort, Duration buffer, Duration effortPerOutstandingCommitment)
    {
        var problems = new List<ValidationProblem>();
        if (defaultEffort <= Duration.Zero)
        {
            problems.Add(new ValidationProblem(nameof(defaultEffort), $"The default effort must be positive; it is {defaultEffort}."));
        }

        if (buffer < Duration.Zero)
        {
            problems.Add(new ValidationProblem(nameof(buffer), $"The buffer must not be negative; it is {buffer}."));
        }

        if (effortPerOutstandingCommitment < Duration.Zero)
        {
            problems.Add(new ValidationProblem(nameof(effortPerOutstandingCommitment), $"The effort per outstanding commitment must not be negative; it is {effortPerOutstandingCommitment}."));
        }

        if (problems.Count > 0)
        {
            throw new DefinitionValidationException("commitment proposal settings", problems);
        }

        DefaultEffort = defaultEffort;
        Buffer = buffer;
        EffortPerOutstandingCommitment = effortPerOutstandingCommitment;
    }

    /// <summary>Two business hours of work, one hour of buffer, one hour per outstanding commitment.</summary>
    public static CommitmentProposalSettings Default { get; } = new(Duration.FromHours(2), Duration.FromHours(1), Duration.FromHours(1));

    /// <summary>The business time new work needs when the command names none.</summary>
    public Duration DefaultEffort { get; }

    /// <summary>The business time added after the work.</summary>
    public Duration Buffer { get; }

    /// <summary>The business time each outstanding commitment of the owner is assumed to still need.</summary>
    public Duration EffortPerOutstandingCommitment { get; }
}
