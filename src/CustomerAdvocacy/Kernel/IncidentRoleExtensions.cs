using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy.Kernel;

/// <summary>Helpers on <see cref="IncidentRole"/>.</summary>
public static class IncidentRoleExtensions
{
    /// <summary>Every role, in declaration order: the columns of every generated authorization table.</summary>
    public static IReadOnlyList<IncidentRole> All { get; } = Enum.GetValues(typeof(IncidentRole)).Cast<IncidentRole>().ToArray();

    /// <summary>Whether the role speaks for the customer.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for the customer contact and the customer business manager.</returns>
    public static bool IsCustomer(this IncidentRole role)
        => role is IncidentRole.CustomerContact or IncidentRole.CustomerBusinessManager;
}
