using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Incidents;
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

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Calendars.Count; i++)
        {
            var (id, calendar) = (options.Calendars[i].Key, options.Calendars[i].Value);
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new($"Calendars[{i}]", "The calendar id is blank."));
            }
            else if (!ids.Add(id!))
            {
                problems.Add(new($"Calendars[{i}]", $"The calendar id '{id}' is used twice."));
            }

            if (calendar is null)
            {
                problems.Add(new($"Calendars[{i}]", $"The calendar '{id}' is null."));
            }
        }

        if (string.IsNullOrWhiteSpace(options.DefaultCalendarId))
        {
            problems.Add(new("DefaultCalendarId", "No default calendar: SLA due instants need the customer's business calendar (set DefaultCalendarId to an added calendar)."));
        }
        else if (!ids.Contains(options.DefaultCalendarId!))
        {
            problems.Add(new("DefaultCalendarId", $"The default calendar '{options.DefaultCalendarId}' is not added (AddCalendar)."));
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
