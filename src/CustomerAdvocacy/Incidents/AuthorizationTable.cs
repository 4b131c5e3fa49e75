using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Which roles may issue which commands. The engine enforces it before anything else is looked at (after the
/// version check); <c>docs/authorization.md</c> is generated from it.
/// </summary>
/// <remarks>
/// Beyond the table, acting as <see cref="IncidentRole.AccountableOwner"/> requires being the incident's current
/// owner, and accepting a handoff requires being the named successor.
/// </remarks>
public static class AuthorizationTable
{
    private static readonly IncidentRole[] Customer = { IncidentRole.CustomerContact, IncidentRole.CustomerBusinessManager };

    private static readonly IncidentRole[] Staff =
    {
        IncidentRole.AccountableOwner, IncidentRole.Engineer, IncidentRole.ServiceManager, IncidentRole.SeniorManager,
        IncidentRole.Executive,
    };

    private static readonly bool[,] Allowed = Build();

    /// <summary>Every trigger, in declaration order.</summary>
    public static IReadOnlyList<IncidentTrigger> Triggers { get; } =
        Enum.GetValues(typeof(IncidentTrigger)).Cast<IncidentTrigger>().ToArray();

    /// <summary>Every role, in declaration order.</summary>
    public static IReadOnlyList<IncidentRole> Roles => IncidentRoleExtensions.All;

    /// <summary>Whether a role may issue the commands of a trigger.</summary>
    /// <param name="role">The role.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when the table allows it.</returns>
    public static bool IsAllowed(IncidentRole role, IncidentTrigger trigger)
    {
        var r = (int)role;
        var t = (int)trigger;
        return r >= 0 && r < Allowed.GetLength(0) && t >= 0 && t < Allowed.GetLength(1) && Allowed[r, t];
    }

    /// <summary>The roles that may issue the commands of a trigger.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The roles, in declaration order.</returns>
    public static IReadOnlyList<IncidentRole> AllowedRoles(IncidentTrigger trigger)
        => Roles.Where(r => IsAllowed(r, trigger)).ToArray();

    private static bool[,] Build()
    {
        var roleCount = Enum.GetValues(typeof(IncidentRole)).Length;
        var triggerCount = Enum.GetValues(typeof(IncidentTrigger)).Cast<int>().Max() + 1;
        var table = new bool[roleCount, triggerCount];

        void Allow(IncidentTrigger trigger, params IncidentRole[][] groups)
        {
            foreach (var role in groups.SelectMany(g => g))
            {
                table[(int)role, (int)trigger] = true;
            }
        }

        IncidentRole[] Only(params IncidentRole[] roles) => roles;

        var owner = Only(IncidentRole.AccountableOwner);
        var thirdParty = Only(IncidentRole.ThirdParty);

        Allow(IncidentTrigger.Open, Staff);
        Allow(IncidentTrigger.CapturePerspective, Customer, Staff);
        Allow(IncidentTrigger.StartAnalysis, Only(IncidentRole.AccountableOwner, IncidentRole.Engineer, IncidentRole.ServiceManager));
        Allow(IncidentTrigger.ProposePlan, owner);
        Allow(IncidentTrigger.RejectPlan, Customer);
        Allow(IncidentTrigger.ApprovePlan, Customer);
        Allow(IncidentTrigger.StartExecution, owner);
        Allow(IncidentTrigger.RecordCriterionMet, Only(IncidentRole.AccountableOwner, IncidentRole.Engineer, IncidentRole.ServiceManager), thirdParty);
        Allow(IncidentTrigger.ProposeResolution, owner);
        Allow(IncidentTrigger.ConfirmResolution, Customer);
        Allow(IncidentTrigger.DisputeResolution, Customer);
        Allow(IncidentTrigger.Close, owner);
        Allow(IncidentTrigger.ReturnToSop, Only(IncidentRole.AccountableOwner, IncidentRole.ServiceManager));
        Allow(IncidentTrigger.CompleteReview, Only(IncidentRole.ServiceManager, IncidentRole.SeniorManager, IncidentRole.Executive));
        Allow(IncidentTrigger.MakeCommitment, Staff, thirdParty);
        Allow(IncidentTrigger.DeliverCommitment, Staff);
        Allow(IncidentTrigger.RecordCommitmentMissed, Staff, Customer);
        Allow(IncidentTrigger.RecordConversation, Staff, Customer, thirdParty);
        Allow(IncidentTrigger.HandOff, owner);
        Allow(IncidentTrigger.AcceptHandoff, Staff);
        Allow(IncidentTrigger.ClassifyRelatedRecurrence, Only(IncidentRole.AccountableOwner, IncidentRole.ServiceManager));
        Allow(IncidentTrigger.AgreeCriteriaChange, Customer);
        Allow(IncidentTrigger.RejectCriteriaChange, Customer);
        Allow(IncidentTrigger.ClassifyUnrelatedRecurrence, Only(IncidentRole.AccountableOwner, IncidentRole.ServiceManager));
        Allow(IncidentTrigger.OfferCommitment, Staff, thirdParty);
        Allow(IncidentTrigger.AcceptCommitmentDue, Customer);
        Allow(IncidentTrigger.RejectCommitmentDue, Customer);
        Allow(IncidentTrigger.SendCustomerUpdate, Staff);
        Allow(IncidentTrigger.RecordServiceLevelWarning, Staff);
        Allow(IncidentTrigger.RecordServiceLevelBreach, Staff);
        foreach (var (trigger, roles) in IncidentProcessAuthorization.Rows())
        {
            Allow(trigger, roles);
        }

        return table;
    }
}
