using System;
using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Testing;

/// <summary>
/// Builds well-formed commands for one incident, each with a fresh command id, from a cast of actors. Tests change
/// what they need with <c>with</c> expressions.
/// </summary>
public sealed class IncidentCommands
{
    /// <summary>Creates a factory.</summary>
    /// <param name="incidentId">The incident every command is for.</param>
    /// <param name="start">The instant the scenario starts; due dates and target dates are relative to it.</param>
    public IncidentCommands(IncidentId incidentId, Instant start)
    {
        IncidentId = incidentId;
        Start = start;
    }

    /// <summary>The incident.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The instant the scenario starts.</summary>
    public Instant Start { get; }

    /// <summary>The first accountable owner, <c>owner-1</c>.</summary>
    public Actor Owner { get; } = new("owner-1", IncidentRole.AccountableOwner);

    /// <summary>The customer's daily contact, <c>customer-1</c>.</summary>
    public Actor Customer { get; } = new("customer-1", IncidentRole.CustomerContact);

    /// <summary>The customer's business manager, <c>customer-boss</c>.</summary>
    public Actor CustomerBusinessManager { get; } = new("customer-boss", IncidentRole.CustomerBusinessManager);

    /// <summary>An engineer, <c>engineer-1</c>.</summary>
    public Actor Engineer { get; } = new("engineer-1", IncidentRole.Engineer);

    /// <summary>A service manager, <c>service-manager-1</c>.</summary>
    public Actor ServiceManager { get; } = new("service-manager-1", IncidentRole.ServiceManager);

    /// <summary>A third party, <c>vendor-1</c>.</summary>
    public Actor ThirdParty { get; } = new("vendor-1", IncidentRole.ThirdParty);

    /// <summary>The policy reference incidents are opened under.</summary>
    public PolicyReference Policy { get; } = new("standard", 1);

    /// <summary>Opens the incident with <see cref="Owner"/> as accountable owner.</summary>
    /// <returns>The command.</returns>
    public OpenIncident Open() => new(IncidentId, CommandId.New(), ServiceManager, "customer-acme", Owner.Id, Policy, null);

    /// <summary>Captures a complete customer perspective.</summary>
    /// <returns>The command.</returns>
    public CapturePerspective CapturePerspective()
        => new(IncidentId, CommandId.New(), Owner, new CustomerPerspective("server down", "orders stopped", "server back up", Duration.FromHours(24)));

    /// <summary>Starts the analysis.</summary>
    /// <returns>The command.</returns>
    public StartAnalysis StartAnalysis() => new(IncidentId, CommandId.New(), Owner);

    /// <summary>Proposes a plan with the given criteria, due in 30 days.</summary>
    /// <param name="criterionIds">The criteria ids; their descriptions are derived.</param>
    /// <returns>The command.</returns>
    public ProposePlan ProposePlan(params string[] criterionIds)
    {
        var drafts = new List<CriterionDraft>();
        foreach (var id in Preconditions(criterionIds))
        {
            drafts.Add(new CriterionDraft(id, "Criterion " + id + " holds"));
        }

        return new(IncidentId, CommandId.New(), Owner, Start + Duration.FromDays(30), drafts);
    }

    /// <summary>The customer approves the plan.</summary>
    /// <returns>The command.</returns>
    public ApprovePlan ApprovePlan() => new(IncidentId, CommandId.New(), Customer);

    /// <summary>The owner starts execution.</summary>
    /// <returns>The command.</returns>
    public StartExecution StartExecution() => new(IncidentId, CommandId.New(), Owner);

    /// <summary>An engineer records evidence for a criterion.</summary>
    /// <param name="criterionId">The criterion.</param>
    /// <returns>The command.</returns>
    public RecordCriterionMet MeetCriterion(string criterionId)
        => new(IncidentId, CommandId.New(), Engineer, criterionId, "checked " + criterionId, Engineer.Id);

    /// <summary>The owner proposes resolution.</summary>
    /// <returns>The command.</returns>
    public ProposeResolution ProposeResolution() => new(IncidentId, CommandId.New(), Owner);

    /// <summary>The customer confirms.</summary>
    /// <returns>The command.</returns>
    public ConfirmResolution Confirm() => new(IncidentId, CommandId.New(), Customer);

    /// <summary>The customer disputes some criteria.</summary>
    /// <param name="criterionIds">The criteria in doubt.</param>
    /// <returns>The command.</returns>
    public DisputeResolution Dispute(params string[] criterionIds)
        => new(IncidentId, CommandId.New(), Customer, criterionIds, "not what we see");

    /// <summary>The owner closes.</summary>
    /// <returns>The command.</returns>
    public CloseIncident Close() => new(IncidentId, CommandId.New(), Owner);

    /// <summary>The owner returns the customer to standard operating procedure.</summary>
    /// <returns>The command.</returns>
    public ReturnToSop ReturnToSop() => new(IncidentId, CommandId.New(), Owner);

    /// <summary>A service manager completes the review.</summary>
    /// <returns>The command.</returns>
    public CompleteReview CompleteReview() => new(IncidentId, CommandId.New(), ServiceManager);

    /// <summary>The owner makes a commitment due some hours after <see cref="Start"/>.</summary>
    /// <param name="commitmentId">The commitment id.</param>
    /// <param name="dueInHours">Hours after <see cref="Start"/>.</param>
    /// <returns>The command.</returns>
    public MakeCommitment Commit(string commitmentId, int dueInHours = 4)
        => new(IncidentId, CommandId.New(), Owner, commitmentId, Owner.Id, "call back with findings", Start + Duration.FromHours(dueInHours));

    /// <summary>The owner sends an update to the customer's contact, business manager and the owner.</summary>
    /// <returns>The command.</returns>
    public SendCustomerUpdate SendUpdate() => new(IncidentId, CommandId.New(), Owner, new[] { Customer.Id, CustomerBusinessManager.Id, Owner.Id });

    /// <summary>The owner delivers a commitment.</summary>
    /// <param name="commitmentId">The commitment id.</param>
    /// <returns>The command.</returns>
    public DeliverCommitment Deliver(string commitmentId) => new(IncidentId, CommandId.New(), Owner, commitmentId);

    /// <summary>The owner hands off to a successor.</summary>
    /// <param name="successorId">The successor.</param>
    /// <returns>The command.</returns>
    public HandOff HandOff(string successorId) => new(IncidentId, CommandId.New(), Owner, successorId);

    /// <summary>The successor accepts the handoff, acting as an engineer until it owns the incident.</summary>
    /// <param name="successorId">The successor.</param>
    /// <returns>The command.</returns>
    public AcceptHandoff AcceptHandoff(string successorId) => new(IncidentId, CommandId.New(), new Actor(successorId, IncidentRole.Engineer));

    /// <summary>The commands that bring a new incident to <see cref="IncidentState.Executing"/>.</summary>
    /// <param name="criterionIds">The criteria to agree.</param>
    /// <returns>The commands in order.</returns>
    public IReadOnlyList<IncidentCommand> ToExecuting(params string[] criterionIds)
        => new IncidentCommand[] { Open(), CapturePerspective(), StartAnalysis(), ProposePlan(criterionIds), ApprovePlan(), StartExecution() };

    private static string[] Preconditions(string[] ids)
        => ids is null || ids.Length == 0 ? throw new ArgumentException("At least one criterion id.", nameof(ids)) : ids;
}
