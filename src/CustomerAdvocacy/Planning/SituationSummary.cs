using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>Who owns a contributing factor.</summary>
public enum FactorOwner
{
    /// <summary>The provider (us).</summary>
    Provider = 0,

    /// <summary>The customer.</summary>
    Customer = 1,

    /// <summary>A third party (vendor, partner).</summary>
    ThirdParty = 2,
}

/// <summary>One entry of the chronology.</summary>
/// <param name="At">When it happened.</param>
/// <param name="What">What happened.</param>
public sealed record ChronologyEntry(Instant At, string What);

/// <summary>A factor that contributed to the incident, with its owner.</summary>
/// <param name="Id">Identifies the factor within the summary.</param>
/// <param name="Description">What contributed.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="DisclosedToCustomer">Whether the summary shown to the customer states it.</param>
public sealed record ContributingFactor(string Id, string Description, FactorOwner Owner, bool DisclosedToCustomer);

/// <summary>
/// The situation summary: the chronology of events and the contributing factors, each with an owner, with full
/// disclosure including the customer's own share.
/// </summary>
public sealed record SituationSummary
{
    /// <summary>Creates a summary; <see cref="Problems"/> tells whether it is valid.</summary>
    /// <param name="chronology">What happened when; kept in time order.</param>
    /// <param name="factors">The contributing factors.</param>
    public SituationSummary(IEnumerable<ChronologyEntry> chronology, IEnumerable<ContributingFactor> factors)
    {
        Chronology = EquatableList<ChronologyEntry>.From(Preconditions.CheckNotNull(chronology).OrderBy(e => e?.At ?? default));
        Factors = EquatableList<ContributingFactor>.From(Preconditions.CheckNotNull(factors));
    }

    /// <summary>The chronology, in time order.</summary>
    public IReadOnlyList<ChronologyEntry> Chronology { get; }

    /// <summary>The contributing factors.</summary>
    public IReadOnlyList<ContributingFactor> Factors { get; }

    /// <summary>The factors the customer owns: their share, which the summary must disclose.</summary>
    public IEnumerable<ContributingFactor> CustomerShare => Factors.Where(f => f?.Owner == FactorOwner.Customer);

    /// <summary>Everything that makes the summary invalid, all at once; empty when it is valid.</summary>
    /// <remarks>
    /// A summary hiding a customer-owned factor is invalid: full disclosure is what lets the customer accept its
    /// share of the remedy.
    /// </remarks>
    public IReadOnlyList<ValidationProblem> Problems => Validate(requireCustomerDisclosure: true);

    /// <summary>The problems; an internal review, which the customer never sees, need not disclose.</summary>
    internal IReadOnlyList<ValidationProblem> Validate(bool requireCustomerDisclosure)
    {
        {
            var problems = new List<ValidationProblem>();
            if (Chronology.Count == 0)
            {
                problems.Add(new ValidationProblem("chronology", "The summary needs a chronology of events."));
            }

            if (Chronology.Any(e => e is null || string.IsNullOrWhiteSpace(e.What)))
            {
                problems.Add(new ValidationProblem("chronology", "Every chronology entry says what happened."));
            }

            if (Factors.Count == 0)
            {
                problems.Add(new ValidationProblem("factors", "The summary names at least one contributing factor."));
            }

            foreach (var factor in Factors)
            {
                if (factor is null || string.IsNullOrWhiteSpace(factor.Id) || string.IsNullOrWhiteSpace(factor.Description))
                {
                    problems.Add(new ValidationProblem("factors", "Every contributing factor has an id and a description."));
                    continue;
                }

                if (factor.Owner is not (FactorOwner.Provider or FactorOwner.Customer or FactorOwner.ThirdParty))
                {
                    problems.Add(new ValidationProblem("factors", $"The factor '{factor.Id}' has no valid owner."));
                }

                if (requireCustomerDisclosure && factor.Owner == FactorOwner.Customer && !factor.DisclosedToCustomer)
                {
                    problems.Add(new ValidationProblem("factors", $"The customer-owned factor '{factor.Id}' is hidden; the customer's share must be disclosed."));
                }
            }

            var ids = Factors.Where(f => f is not null && !string.IsNullOrWhiteSpace(f.Id)).GroupBy(f => f.Id, System.StringComparer.Ordinal);
            problems.AddRange(ids.Where(g => g.Count() > 1).Select(g => new ValidationProblem("factors", $"The factor id '{g.Key}' is used twice.")));
            return problems;
        }
    }
}
