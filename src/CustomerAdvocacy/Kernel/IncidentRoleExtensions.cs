using System.Collections.Generic;

namespace CustomerAdvocacy.Kernel;

/// <summary>Helpers on <see cref="IncidentRole"/>.</summary>
public static class IncidentRoleExtensions
{
    /// <summary>Every role, in declaration order: the columns of every generated authorization table.</summary>
    public static IReadOnlyList<IncidentRole> All { get; } = new[]
    {
        IncidentRole.CustomerContact, IncidentRole.CustomerBusinessManager, IncidentRole.AccountableOwner, IncidentRole.Engineer,
        IncidentRole.ServiceManager, IncidentRole.SeniorManager, IncidentRole.Executive, IncidentRole.ThirdParty,
    };

    /// <summary>Whether the role speaks for the customer.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for the customer contact and the customer business manager.</returns>
    public static bool IsCustomer(this IncidentRole role)
        => role is IncidentRole.CustomerContact or IncidentRole.CustomerBusinessManager;
}
