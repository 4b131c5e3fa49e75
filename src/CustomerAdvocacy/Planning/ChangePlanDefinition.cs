using System.Collections.Generic;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// A validated change plan: every change is a project. Built by <see cref="ChangePlanBuilder"/>; immutable.
/// </summary>
public sealed class ChangePlanDefinition
{
    internal ChangePlanDefinition(
        ChangePlanId id,
        string title,
        ChangePlanSize size,
        string businessReason,
        string technicalReason,
        IReadOnlyList<string> risks,
        IReadOnlyList<string> assumptions,
        MaintenanceWindowFinder schedulingConstraints,
        Duration expectedLength,
        string accountableOwnerId,
        IReadOnlyList<ChangeParty> parties,
        IReadOnlyList<ChangeTask> tasks,
        string? pointOfNoReturn,
        string backOutPlan,
        IReadOnlyList<string> validationSteps)
    {
        Id = id;
        Title = title;
        Size = size;
        BusinessReason = businessReason;
        TechnicalReason = technicalReason;
        Risks = risks;
        Assumptions = assumptions;
        SchedulingConstraints = schedulingConstraints;
        ExpectedLength = expectedLength;
        AccountableOwnerId = accountableOwnerId;
        Parties = parties;
        Tasks = tasks;
        PointOfNoReturn = pointOfNoReturn;
        BackOutPlan = backOutPlan;
        ValidationSteps = validationSteps;
    }

    /// <summary>The plan's id.</summary>
    public ChangePlanId Id { get; }

    /// <summary>What the change is.</summary>
    public string Title { get; }

    /// <summary>How much plan it needs.</summary>
    public ChangePlanSize Size { get; }

    /// <summary>Why the business wants the change.</summary>
    public string BusinessReason { get; }

    /// <summary>What the change is technically, and why.</summary>
    public string TechnicalReason { get; }

    /// <summary>The risks (required for a big-P plan).</summary>
    public IReadOnlyList<string> Risks { get; }

    /// <summary>The assumptions (required for a big-P plan).</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>When the change may be made: the customer's change windows and blackouts, in the customer's zone.</summary>
    public MaintenanceWindowFinder SchedulingConstraints { get; }

    /// <summary>The customer's time zone, in which the constraints are expressed.</summary>
    public DateTimeZone CustomerZone => SchedulingConstraints.Allowed.Zone;

    /// <summary>How long the change takes, in real time; the length of its slot.</summary>
    public Duration ExpectedLength { get; }

    /// <summary>The single point of accountability the plan starts with.</summary>
    public string AccountableOwnerId { get; }

    /// <summary>Every party, each with primary and backup 24x7 contacts.</summary>
    public IReadOnlyList<ChangeParty> Parties { get; }

    /// <summary>The tasks with owner and timetable (required for a big-P plan).</summary>
    public IReadOnlyList<ChangeTask> Tasks { get; }

    /// <summary>The point of no return (required for a big-P plan), or <see langword="null"/>.</summary>
    public string? PointOfNoReturn { get; }

    /// <summary>How to restore things as they were.</summary>
    public string BackOutPlan { get; }

    /// <summary>How to validate the work, the prior capabilities and any new ones.</summary>
    public IReadOnlyList<string> ValidationSteps { get; }
}
