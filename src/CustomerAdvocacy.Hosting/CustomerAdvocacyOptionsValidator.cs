using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerAdvocacy.Hosting;

/// <summary>Checks <see cref="CustomerAdvocacyOptions"/> as a whole and reports every problem at once.</summary>
internal sealed class CustomerAdvocacyOptionsValidator : IValidateOptions<CustomerAdvocacyOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerAdvocacyOptions options)
    {
        var problems = Problems(options).Select(p => $"CustomerAdvocacy.{p.Path}: {p.Message}").ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static IReadOnlyList<ValidationProblem> Problems(CustomerAdvocacyOptions options)
    {
        var problems = new List<ValidationProblem>();
        if (options.SegmentCatalogs.Count == 0)
        {
            problems.Add(new("SegmentCatalogs", "No segment catalog is added: incidents are opened under a segment's policy (AddSegmentCatalog)."));
        }

        var versions = new HashSet<int>();
        for (var i = 0; i < options.SegmentCatalogs.Count; i++)
        {
            if (options.SegmentCatalogs[i] is not { } catalog)
            {
                problems.Add(new($"SegmentCatalogs[{i}]", "The catalog is null."));
            }
            else if (!versions.Add(catalog.Version))
            {
                problems.Add(new($"SegmentCatalogs[{i}]", $"Version {catalog.Version} is added twice."));
            }
        }

        var customers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Customers.Count; i++)
        {
            if (options.Customers[i] is not { } profile)
            {
                problems.Add(new($"Customers[{i}]", "The customer profile is null."));
            }
            else if (!customers.Add(profile.CustomerId))
            {
                problems.Add(new($"Customers[{i}]", $"The customer '{profile.CustomerId}' is added twice."));
            }
        }

        var ladders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.EscalationLadders.Count; i++)
        {
            var (id, ladder) = (options.EscalationLadders[i].Key, options.EscalationLadders[i].Value);
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new($"EscalationLadders[{i}]", "The ladder id is blank."));
            }
            else if (!ladders.Add(id!))
            {
                problems.Add(new($"EscalationLadders[{i}]", $"The ladder id '{id}' is used twice."));
            }

            if (ladder is null)
            {
                problems.Add(new($"EscalationLadders[{i}]", $"The ladder '{id}' is null."));
            }
        }

        if (options.EscalationLadders.Count > 0)
        {
            // A policy naming an undefined ladder would only show when an escalation is refused, long after start.
            foreach (var catalog in options.SegmentCatalogs.OfType<SegmentCatalog>())
            {
                foreach (var segment in catalog.Segments.OrderBy(s => s, StringComparer.Ordinal))
                {
                    var ladderId = catalog.PolicyOf(segment).EscalationLadderId;
                    if (!ladders.Contains(ladderId))
                    {
                        problems.Add(new($"EscalationLadders", $"The policy of segment '{segment}' (catalog version {catalog.Version}) names the ladder '{ladderId}', which is not added (AddEscalationLadder)."));
                    }
                }
            }
        }

        if (options.DueActionActor is null)
        {
            problems.Add(new("DueActionActor", "The due-action actor is null."));
        }
        else if (options.DueActionActor.Role.IsCustomer() || options.DueActionActor.Role == IncidentRole.ThirdParty)
        {
            problems.Add(new("DueActionActor", $"Due commands are issued by the provider; the role {options.DueActionActor.Role} is not provider staff."));
        }

        if (options.RetryDelay <= Duration.Zero)
        {
            problems.Add(new("RetryDelay", $"The retry delay must be positive (was {options.RetryDelay})."));
        }

        return problems;
    }
}
