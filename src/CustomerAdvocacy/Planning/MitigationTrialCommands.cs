using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>A request to move a mitigation trial, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident whose impact argues for the mitigation.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record MitigationTrialCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <summary>The trigger the command fires on the trial machine.</summary>
    public abstract MitigationTrialTrigger TrialTrigger { get; }

    /// <inheritdoc />
    public sealed override IncidentTrigger Trigger => IncidentTrigger.OfferMitigationTrial + (int)TrialTrigger;
}

/// <summary>Offers the service the customer lacked as a trial, with the ROI case from the incident's impact.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Service">The service that would have prevented the incident.</param>
/// <param name="Length">How long the trial runs (<see cref="TrialLength.Default"/>: 90 calendar days).</param>
/// <param name="ReminderDaysBeforeEnd">When to remind before the end, in trial days; each between 1 and the length − 1.</param>
/// <param name="RoiCase">The ROI case.</param>
public sealed record OfferMitigationTrial(IncidentId IncidentId, CommandId CommandId, Actor Actor, string Service, TrialLength Length, IReadOnlyList<int> ReminderDaysBeforeEnd, MitigationRoiCase RoiCase)
    : MitigationTrialCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override MitigationTrialTrigger TrialTrigger => MitigationTrialTrigger.Offer;
}

/// <summary>The customer accepts the trial; it starts now and its end and reminders are fixed in the customer's calendar.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it (a customer role).</param>
public sealed record AcceptMitigationTrial(IncidentId IncidentId, CommandId CommandId, Actor Actor) : MitigationTrialCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override MitigationTrialTrigger TrialTrigger => MitigationTrialTrigger.Accept;
}

/// <summary>The customer declines the trial.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it (a customer role).</param>
/// <param name="Reason">Why.</param>
public sealed record DeclineMitigationTrial(IncidentId IncidentId, CommandId CommandId, Actor Actor, string Reason) : MitigationTrialCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override MitigationTrialTrigger TrialTrigger => MitigationTrialTrigger.Decline;
}

/// <summary>Records that a reminder before the end was sent, once it is due.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="DaysBeforeEnd">Which reminder.</param>
public sealed record RemindMitigationTrialEnd(IncidentId IncidentId, CommandId CommandId, Actor Actor, int DaysBeforeEnd) : MitigationTrialCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override MitigationTrialTrigger TrialTrigger => MitigationTrialTrigger.Remind;
}

/// <summary>The customer buys the service.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it (a customer role).</param>
public sealed record PurchaseMitigation(IncidentId IncidentId, CommandId CommandId, Actor Actor) : MitigationTrialCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override MitigationTrialTrigger TrialTrigger => MitigationTrialTrigger.Purchase;
}

/// <summary>At the end of the trial without a purchase: the service is switched off and the customer told the risk returns.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="RiskNotice">What the customer was told about the returning risk.</param>
public sealed record SwitchOffMitigationTrial(IncidentId IncidentId, CommandId CommandId, Actor Actor, string RiskNotice) : MitigationTrialCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override MitigationTrialTrigger TrialTrigger => MitigationTrialTrigger.SwitchOff;
}
