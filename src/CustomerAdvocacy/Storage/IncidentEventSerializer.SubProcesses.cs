using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// The stored form of the sub-process events (escalation, analysis, mitigation trial, change plan, communication,
/// management review) and of the sub-processes' typed rejections. Kept apart from the lifecycle's events so both grow
/// without touching each other; the layout is written field by field like the lifecycle's.
/// </summary>
public sealed partial class IncidentEventSerializer
{
    private static readonly string[] SubProcessTypeNames =
    {
        EscalationRaised.TypeName, EscalationTriggerAdded.TypeName, EscalationAcknowledged.TypeName, EscalationRose.TypeName,
        EscalationExhausted.TypeName, EscalationTriggerCleared.TypeName, PowerLineDecisionRecorded.TypeName,
        FactRecorded.TypeName, ScenarioProposed.TypeName, ScenarioEliminated.TypeName, SituationSummaryRecorded.TypeName,
        ProposalDrafted.TypeName, ProposalApproved.TypeName, ProposalRejected.TypeName, ProposalActionExecuted.TypeName,
        CustomerMeetingScheduled.TypeName, MeetingDryRunRecorded.TypeName, CustomerMeetingHeld.TypeName,
        MitigationTrialOffered.TypeName, MitigationTrialStarted.TypeName, MitigationTrialDeclined.TypeName,
        MitigationTrialReminded.TypeName, MitigationPurchased.TypeName, MitigationTrialSwitchedOff.TypeName,
        ManagementReviewStarted.TypeName, ReviewFindingsRecorded.TypeName, PreventiveActionAdded.TypeName,
        CustomerFitAssessed.TypeName, TerminationRecommended.TypeName, TerminationDecided.TypeName,
        ManagementReviewCompleted.TypeName,
        ChangePlanDrafted.TypeName, ChangePlanReviewedWithCustomer.TypeName, ChangeScheduled.TypeName, ChangeStarted.TypeName,
        ChangePointOfNoReturnPassed.TypeName, ChangeBackedOut.TypeName, ChangeValidationStarted.TypeName,
        ChangeConfirmedByCustomer.TypeName, ChangePlanHandoffOffered.TypeName, ChangePlanHandoffAccepted.TypeName,
        ChangePlanParticipantLeft.TypeName,
        CommunicationDrafted.TypeName, CommunicationSubmittedForReview.TypeName, CommunicationReleased.TypeName,
        CommunicationWithdrawn.TypeName,
    };

    // Runs after every static field initializer of both partial files, so the lifecycle's table exists.
    static IncidentEventSerializer()
    {
        foreach (var name in SubProcessTypeNames)
        {
            KnownTypes.Add(name);
        }

        KnownTypesByUtf8Length = KnownTypes.Select(n => (Utf8: Encoding.UTF8.GetBytes(n), Name: n))
            .ToLookup(t => t.Utf8.Length)
            .Aggregate(new (byte[] Utf8, string Name)[KnownTypes.Max(n => Encoding.UTF8.GetByteCount(n)) + 1][], (table, g) =>
            {
                table[g.Key] = g.ToArray();
                return table;
            });
    }

    private static bool TryWriteSubProcessBody(Utf8JsonWriter w, IncidentEvent e)
    {
        switch (e)
        {
            case EscalationRaised x:
                w.WriteString("reason", x.Reason.ToString());
                w.WriteString("detail", x.Detail);
                w.WriteNumber("rung", x.Rung);
                w.WriteString("level", x.Level.ToString());
                w.WritePropertyName("timeOutAt");
                WriteInstant(w, x.TimeOutAt);
                break;
            case EscalationTriggerAdded x:
                w.WriteString("reason", x.Reason.ToString());
                w.WriteString("detail", x.Detail);
                break;
            case EscalationAcknowledged x:
                w.WriteNumber("rung", x.Rung);
                w.WriteString("level", x.Level.ToString());
                break;
            case EscalationRose x:
                w.WriteNumber("fromRung", x.FromRung);
                w.WriteNumber("toRung", x.ToRung);
                w.WriteString("level", x.Level.ToString());
                w.WriteNumber("repeat", x.Repeat);
                w.WritePropertyName("timeOutAt");
                WriteInstant(w, x.TimeOutAt);
                break;
            case EscalationExhausted x:
                w.WriteString("level", x.Level.ToString());
                break;
            case EscalationTriggerCleared x:
                w.WriteString("reason", x.Reason.ToString());
                w.WriteBoolean("deescalated", x.Deescalated);
                break;
            case PowerLineDecisionRecorded x:
                w.WriteString("decision", x.Decision.ToString());
                w.WriteStartArray("participants");
                foreach (var p in x.Participants)
                {
                    w.WriteStartObject();
                    w.WriteString("id", p.Id);
                    w.WriteString("role", p.Role.ToString());
                    w.WriteString("side", p.Side.ToString());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("summary", x.Summary);
                break;
            case FactRecorded x:
                w.WriteStartObject("fact");
                w.WriteString("id", x.Fact.Id);
                w.WriteString("observation", x.Fact.Observation);
                w.WriteBoolean("holds", x.Fact.Holds);
                w.WriteString("evidence", x.Fact.Evidence);
                w.WriteEndObject();
                break;
            case ScenarioProposed x:
                w.WriteStartObject("scenario");
                w.WriteString("id", x.Scenario.Id);
                w.WriteString("description", x.Scenario.Description);
                w.WriteStartArray("expectations");
                foreach (var expectation in x.Scenario.Expectations)
                {
                    w.WriteStartObject();
                    w.WriteString("observation", expectation.Observation);
                    w.WriteBoolean("holds", expectation.Holds);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case ScenarioEliminated x:
                w.WriteString("scenarioId", x.ScenarioId);
                w.WriteString("factId", x.FactId);
                break;
            case SituationSummaryRecorded x:
                w.WriteStartObject("summary");
                WriteChronology(w, x.Summary.Chronology);
                WriteFactors(w, x.Summary.Factors);
                w.WriteEndObject();
                break;
            case ProposalDrafted x:
                w.WriteStartObject("proposal");
                WriteStrings(w, "factIds", x.Proposal.FactIds);
                WriteStrings(w, "conclusions", x.Proposal.Conclusions);
                WriteActions(w, "immediateResolution", x.Proposal.ImmediateResolution);
                WriteActions(w, "prevention", x.Proposal.Prevention);
                w.WriteEndObject();
                break;
            case ProposalRejected x:
                w.WriteString("reason", x.Reason);
                break;
            case ProposalActionExecuted x:
                w.WriteString("actionId", x.ActionId);
                break;
            case CustomerMeetingScheduled x:
                w.WriteString("meetingId", x.MeetingId);
                w.WriteStartArray("participants");
                foreach (var p in x.Participants)
                {
                    w.WriteStartObject();
                    w.WriteString("personId", p.PersonId);
                    w.WriteString("role", p.Role.ToString());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case MeetingDryRunRecorded x:
                w.WriteString("meetingId", x.MeetingId);
                WriteStrings(w, "attendees", x.Attendees);
                break;
            case CustomerMeetingHeld x:
                w.WriteString("meetingId", x.MeetingId);
                WriteStrings(w, "attendees", x.Attendees);
                break;
            case MitigationTrialOffered x:
                w.WriteString("service", x.Service);
                w.WriteStartObject("length");
                w.WriteNumber("days", x.Length.Days);
                w.WriteString("kind", x.Length.Kind.ToString());
                w.WriteEndObject();
                w.WriteStartArray("reminderDaysBeforeEnd");
                foreach (var days in x.ReminderDaysBeforeEnd)
                {
                    w.WriteNumberValue(days);
                }

                w.WriteEndArray();
                w.WriteStartObject("roiCase");
                w.WriteString("customerSatisfaction", x.RoiCase.CustomerSatisfaction);
                w.WriteString("employeeMorale", x.RoiCase.EmployeeMorale);
                w.WriteString("image", x.RoiCase.Image);
                w.WriteNumber("revenueLost", x.RoiCase.RevenueLost);
                w.WriteNumber("lostOpportunity", x.RoiCase.LostOpportunity);
                w.WriteNumber("serviceCost", x.RoiCase.ServiceCost);
                w.WriteString("currency", x.RoiCase.Currency);
                w.WriteEndObject();
                break;
            case MitigationTrialStarted x:
                w.WritePropertyName("startedAt");
                WriteInstant(w, x.StartedAt);
                w.WritePropertyName("endsAt");
                WriteInstant(w, x.EndsAt);
                w.WriteStartArray("reminders");
                foreach (var reminder in x.Reminders)
                {
                    w.WriteStartObject();
                    w.WriteNumber("daysBeforeEnd", reminder.DaysBeforeEnd);
                    w.WritePropertyName("dueAt");
                    WriteInstant(w, reminder.DueAt);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case MitigationTrialDeclined x:
                w.WriteString("reason", x.Reason);
                break;
            case MitigationTrialReminded x:
                w.WriteNumber("daysBeforeEnd", x.DaysBeforeEnd);
                break;
            case MitigationTrialSwitchedOff x:
                w.WriteString("riskNotice", x.RiskNotice);
                break;
            case ManagementReviewStarted x:
                w.WritePropertyName("closedAt");
                WriteInstant(w, x.ClosedAt);
                w.WritePropertyName("dueAt");
                WriteInstant(w, x.DueAt);
                break;
            case ReviewFindingsRecorded x:
                WriteChronology(w, x.Chronology);
                WriteFactors(w, x.Factors);
                WriteStrings(w, "learnings", x.Learnings);
                break;
            case PreventiveActionAdded x:
                w.WriteStartObject("action");
                w.WriteString("id", x.Action.Id);
                w.WriteString("description", x.Action.Description);
                w.WriteString("kind", x.Action.Kind.ToString());
                w.WriteString("ownerId", x.Action.OwnerId);
                w.WritePropertyName("dueAt");
                WriteInstant(w, x.Action.DueAt);
                w.WriteEndObject();
                break;
            case CustomerFitAssessed x:
                w.WriteStartObject("facts");
                w.WriteNumber("incidentsInRecurrenceWindow", x.Facts.IncidentsInRecurrenceWindow);
                w.WriteBoolean("solutionOutdated", x.Facts.SolutionOutdated);
                w.WriteNumber("costToServe", x.Facts.CostToServe);
                w.WriteNumber("revenue", x.Facts.Revenue);
                w.WriteBoolean("staffAbuseReported", x.Facts.StaffAbuseReported);
                w.WriteEndObject();
                w.WriteStartObject("assessment");
                w.WriteBoolean("upgradeRecommended", x.Assessment.UpgradeRecommended);
                WriteStrings(w, "terminationGrounds", x.Assessment.TerminationGrounds.Select(g => g.ToString()));
                w.WriteEndObject();
                break;
            case TerminationRecommended x:
                w.WriteString("ground", x.Ground.ToString());
                w.WriteString("rationale", x.Rationale);
                break;
            case TerminationDecided x:
                w.WriteBoolean("terminate", x.Terminate);
                w.WriteString("rationale", x.Rationale);
                break;
            case ManagementReviewCompleted x:
                w.WriteBoolean("late", x.Late);
                break;
            case ChangePlanDrafted x:
                WriteDefinition(w, x.Definition);
                break;
            case ChangePlanEvent x:
                w.WriteString("planId", x.PlanId.Value);
                WriteChangePlanBody(w, x);
                break;
            case CommunicationEvent x:
                w.WriteString("communicationId", x.CommunicationId.Value);
                WriteCommunicationBody(w, x);
                break;
            case ProposalApproved or MitigationPurchased:
                break;
            default:
                return false;
        }

        return true;
    }

    private static void WriteChangePlanBody(Utf8JsonWriter w, ChangePlanEvent e)
    {
        switch (e)
        {
            case ChangePlanReviewedWithCustomer x:
                w.WriteString("customerParticipantId", x.CustomerParticipantId);
                break;
            case ChangeScheduled x:
                w.WritePropertyName("slotStart");
                WriteInstant(w, x.Slot.Start);
                w.WritePropertyName("slotEnd");
                WriteInstant(w, x.Slot.End);
                break;
            case ChangeBackedOut x:
                w.WriteString("reason", x.Reason);
                break;
            case ChangePlanHandoffOffered x:
                w.WriteString("successorId", x.SuccessorId);
                break;
            case ChangePlanHandoffAccepted x:
                w.WriteString("previousOwnerId", x.PreviousOwnerId);
                w.WriteString("newOwnerId", x.NewOwnerId);
                break;
            case ChangePlanParticipantLeft x:
                w.WriteString("personId", x.PersonId);
                break;
            case ChangeStarted or ChangePointOfNoReturnPassed or ChangeValidationStarted or ChangeConfirmedByCustomer:
                break;
            default:
                throw new ArgumentException($"Event type '{e.EventType}' has no stored form.", nameof(e));
        }
    }

    private static void WriteCommunicationBody(Utf8JsonWriter w, CommunicationEvent e)
    {
        switch (e)
        {
            case CommunicationDrafted x:
                w.WriteString("kind", x.Kind.ToString());
                w.WriteString("title", x.Title);
                WriteStrings(w, "customerRecipientIds", x.CustomerRecipientIds);
                break;
            case CommunicationReleased x:
                WriteConversation(w, "conversation", x.Conversation);
                break;
            case CommunicationWithdrawn x:
                w.WriteString("reason", x.Reason);
                break;
            case CommunicationSubmittedForReview:
                break;
            default:
                throw new ArgumentException($"Event type '{e.EventType}' has no stored form.", nameof(e));
        }
    }

    private static IncidentEvent? ReadSubProcessBody(string type, EventMetadata m, PayloadNode r) => type switch
    {
        EscalationRaised.TypeName => new EscalationRaised(m, ReadEnum<EscalationTriggerKind>(Required(r, "reason"u8)), RequiredString(r, "detail"u8), Required(r, "rung"u8).GetInt32(), ReadEnum<EscalationLevel>(Required(r, "level"u8)), ReadInstant(Required(r, "timeOutAt"u8))),
        EscalationTriggerAdded.TypeName => new EscalationTriggerAdded(m, ReadEnum<EscalationTriggerKind>(Required(r, "reason"u8)), RequiredString(r, "detail"u8)),
        EscalationAcknowledged.TypeName => new EscalationAcknowledged(m, Required(r, "rung"u8).GetInt32(), ReadEnum<EscalationLevel>(Required(r, "level"u8))),
        EscalationRose.TypeName => new EscalationRose(m, Required(r, "fromRung"u8).GetInt32(), Required(r, "toRung"u8).GetInt32(), ReadEnum<EscalationLevel>(Required(r, "level"u8)), Required(r, "repeat"u8).GetInt32(), ReadInstant(Required(r, "timeOutAt"u8))),
        EscalationExhausted.TypeName => new EscalationExhausted(m, ReadEnum<EscalationLevel>(Required(r, "level"u8))),
        EscalationTriggerCleared.TypeName => new EscalationTriggerCleared(m, ReadEnum<EscalationTriggerKind>(Required(r, "reason"u8)), Required(r, "deescalated"u8).GetBoolean()),
        PowerLineDecisionRecorded.TypeName => new PowerLineDecisionRecorded(
            m,
            ReadEnum<PowerLineDecisionKind>(Required(r, "decision"u8)),
            EquatableList<Stakeholder>.Wrap(Required(r, "participants"u8).ReadArray(p => new Stakeholder(RequiredString(p, "id"u8), ReadEnum<IncidentRole>(Required(p, "role"u8)), ReadEnum<PowerLineSide>(Required(p, "side"u8))))),
            RequiredString(r, "summary"u8)),
        FactRecorded.TypeName => new FactRecorded(m, ReadFact(Required(r, "fact"u8))),
        ScenarioProposed.TypeName => new ScenarioProposed(m, ReadScenario(Required(r, "scenario"u8))),
        ScenarioEliminated.TypeName => new ScenarioEliminated(m, RequiredString(r, "scenarioId"u8), RequiredString(r, "factId"u8)),
        SituationSummaryRecorded.TypeName => new SituationSummaryRecorded(m, new SituationSummary(ReadChronology(Required(r, "summary"u8)), ReadFactors(Required(r, "summary"u8)))),
        ProposalDrafted.TypeName => new ProposalDrafted(m, ReadProposal(Required(r, "proposal"u8))),
        ProposalApproved.TypeName => new ProposalApproved(m),
        ProposalRejected.TypeName => new ProposalRejected(m, RequiredString(r, "reason"u8)),
        ProposalActionExecuted.TypeName => new ProposalActionExecuted(m, RequiredString(r, "actionId"u8)),
        CustomerMeetingScheduled.TypeName => new CustomerMeetingScheduled(
            m,
            RequiredString(r, "meetingId"u8),
            EquatableList<MeetingParticipant>.Wrap(Required(r, "participants"u8).ReadArray(p => new MeetingParticipant(RequiredString(p, "personId"u8), ReadEnum<IncidentRole>(Required(p, "role"u8)))))),
        MeetingDryRunRecorded.TypeName => new MeetingDryRunRecorded(m, RequiredString(r, "meetingId"u8), ReadStrings(Required(r, "attendees"u8))),
        CustomerMeetingHeld.TypeName => new CustomerMeetingHeld(m, RequiredString(r, "meetingId"u8), ReadStrings(Required(r, "attendees"u8))),
        MitigationTrialOffered.TypeName => new MitigationTrialOffered(
            m,
            RequiredString(r, "service"u8),
            new TrialLength(Required(Required(r, "length"u8), "days"u8).GetInt32(), ReadEnum<TrialDayKind>(Required(Required(r, "length"u8), "kind"u8))),
            EquatableList<int>.Wrap(Required(r, "reminderDaysBeforeEnd"u8).ReadArray(d => d.GetInt32())),
            ReadRoiCase(Required(r, "roiCase"u8))),
        MitigationTrialStarted.TypeName => new MitigationTrialStarted(
            m,
            ReadInstant(Required(r, "startedAt"u8)),
            ReadInstant(Required(r, "endsAt"u8)),
            EquatableList<TrialReminder>.Wrap(Required(r, "reminders"u8).ReadArray(x => new TrialReminder(Required(x, "daysBeforeEnd"u8).GetInt32(), ReadInstant(Required(x, "dueAt"u8)))))),
        MitigationTrialDeclined.TypeName => new MitigationTrialDeclined(m, RequiredString(r, "reason"u8)),
        MitigationTrialReminded.TypeName => new MitigationTrialReminded(m, Required(r, "daysBeforeEnd"u8).GetInt32()),
        MitigationPurchased.TypeName => new MitigationPurchased(m),
        MitigationTrialSwitchedOff.TypeName => new MitigationTrialSwitchedOff(m, RequiredString(r, "riskNotice"u8)),
        ManagementReviewStarted.TypeName => new ManagementReviewStarted(m, ReadInstant(Required(r, "closedAt"u8)), ReadInstant(Required(r, "dueAt"u8))),
        ReviewFindingsRecorded.TypeName => new ReviewFindingsRecorded(m, EquatableList<ChronologyEntry>.From(ReadChronology(r)), EquatableList<ContributingFactor>.From(ReadFactors(r)), ReadStrings(Required(r, "learnings"u8))),
        PreventiveActionAdded.TypeName => new PreventiveActionAdded(m, ReadPreventiveAction(Required(r, "action"u8))),
        CustomerFitAssessed.TypeName => new CustomerFitAssessed(m, ReadFitFacts(Required(r, "facts"u8)), ReadFitAssessment(Required(r, "assessment"u8))),
        TerminationRecommended.TypeName => new TerminationRecommended(m, ReadEnum<TerminationGround>(Required(r, "ground"u8)), RequiredString(r, "rationale"u8)),
        TerminationDecided.TypeName => new TerminationDecided(m, Required(r, "terminate"u8).GetBoolean(), RequiredString(r, "rationale"u8)),
        ManagementReviewCompleted.TypeName => new ManagementReviewCompleted(m, Required(r, "late"u8).GetBoolean()),
        ChangePlanDrafted.TypeName => new ChangePlanDrafted(m, ReadDefinition(r)),
        ChangePlanReviewedWithCustomer.TypeName => new ChangePlanReviewedWithCustomer(m, PlanId(r), RequiredString(r, "customerParticipantId"u8)),
        ChangeScheduled.TypeName => new ChangeScheduled(m, PlanId(r), new Interval(ReadInstant(Required(r, "slotStart"u8)), ReadInstant(Required(r, "slotEnd"u8)))),
        ChangeStarted.TypeName => new ChangeStarted(m, PlanId(r)),
        ChangePointOfNoReturnPassed.TypeName => new ChangePointOfNoReturnPassed(m, PlanId(r)),
        ChangeBackedOut.TypeName => new ChangeBackedOut(m, PlanId(r), RequiredString(r, "reason"u8)),
        ChangeValidationStarted.TypeName => new ChangeValidationStarted(m, PlanId(r)),
        ChangeConfirmedByCustomer.TypeName => new ChangeConfirmedByCustomer(m, PlanId(r)),
        ChangePlanHandoffOffered.TypeName => new ChangePlanHandoffOffered(m, PlanId(r), RequiredString(r, "successorId"u8)),
        ChangePlanHandoffAccepted.TypeName => new ChangePlanHandoffAccepted(m, PlanId(r), RequiredString(r, "previousOwnerId"u8), RequiredString(r, "newOwnerId"u8)),
        ChangePlanParticipantLeft.TypeName => new ChangePlanParticipantLeft(m, PlanId(r), RequiredString(r, "personId"u8)),
        CommunicationDrafted.TypeName => new CommunicationDrafted(m, CommunicationIdOf(r), ReadEnum<CommunicationKind>(Required(r, "kind"u8)), RequiredString(r, "title"u8), ReadStrings(Required(r, "customerRecipientIds"u8))),
        CommunicationSubmittedForReview.TypeName => new CommunicationSubmittedForReview(m, CommunicationIdOf(r)),
        CommunicationReleased.TypeName => new CommunicationReleased(m, CommunicationIdOf(r), ReadConversation(Required(r, "conversation"u8))),
        CommunicationWithdrawn.TypeName => new CommunicationWithdrawn(m, CommunicationIdOf(r), RequiredString(r, "reason"u8)),
        _ => null,
    };

    private static ChangePlanId PlanId(PayloadNode r) => new(Required(r, "planId"u8).GetGuid());

    private static CommunicationId CommunicationIdOf(PayloadNode r) => new(Required(r, "communicationId"u8).GetGuid());

    private static Fact ReadFact(PayloadNode e) => new(RequiredString(e, "id"u8), RequiredString(e, "observation"u8), Required(e, "holds"u8).GetBoolean(), RequiredString(e, "evidence"u8));

    private static Scenario ReadScenario(PayloadNode e) => new(
        RequiredString(e, "id"u8),
        RequiredString(e, "description"u8),
        Required(e, "expectations"u8).ReadArray(x => new Expectation(RequiredString(x, "observation"u8), Required(x, "holds"u8).GetBoolean())));

    private static Proposal ReadProposal(PayloadNode e) => new(
        ReadStrings(Required(e, "factIds"u8)),
        ReadStrings(Required(e, "conclusions"u8)),
        ReadActions(Required(e, "immediateResolution"u8)),
        ReadActions(Required(e, "prevention"u8)));

    private static MitigationRoiCase ReadRoiCase(PayloadNode e) => new(
        RequiredString(e, "customerSatisfaction"u8),
        RequiredString(e, "employeeMorale"u8),
        RequiredString(e, "image"u8),
        Required(e, "revenueLost"u8).GetDecimal(),
        Required(e, "lostOpportunity"u8).GetDecimal(),
        Required(e, "serviceCost"u8).GetDecimal(),
        RequiredString(e, "currency"u8));

    private static PreventiveAction ReadPreventiveAction(PayloadNode e) => new(
        RequiredString(e, "id"u8),
        RequiredString(e, "description"u8),
        ReadEnum<PreventiveActionKind>(Required(e, "kind"u8)),
        RequiredString(e, "ownerId"u8),
        ReadInstant(Required(e, "dueAt"u8)));

    private static CustomerFitFacts ReadFitFacts(PayloadNode e) => new(
        Required(e, "incidentsInRecurrenceWindow"u8).GetInt32(),
        Required(e, "solutionOutdated"u8).GetBoolean(),
        Required(e, "costToServe"u8).GetDecimal(),
        Required(e, "revenue"u8).GetDecimal(),
        Required(e, "staffAbuseReported"u8).GetBoolean());

    private static CustomerFitAssessment ReadFitAssessment(PayloadNode e) => new(
        Required(e, "upgradeRecommended"u8).GetBoolean(),
        EquatableList<TerminationGround>.Wrap(Required(e, "terminationGrounds"u8).ReadArray(ReadEnum<TerminationGround>)));

    private static void WriteActions(Utf8JsonWriter w, string name, IEnumerable<ProposalAction> actions)
        => WriteIdsAndDescriptions(w, name, actions, a => a.Id, a => a.Description);

    private static IReadOnlyList<ProposalAction> ReadActions(PayloadNode e)
        => ReadIdsAndDescriptions(e, (id, description) => new ProposalAction(id, description));

    private static void WriteChronology(Utf8JsonWriter w, IEnumerable<ChronologyEntry> chronology)
    {
        w.WriteStartArray("chronology");
        foreach (var entry in chronology)
        {
            w.WriteStartObject();
            w.WritePropertyName("at");
            WriteInstant(w, entry.At);
            w.WriteString("what", entry.What);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static IEnumerable<ChronologyEntry> ReadChronology(PayloadNode owner)
        => Required(owner, "chronology"u8).ReadArray(x => new ChronologyEntry(ReadInstant(Required(x, "at"u8)), RequiredString(x, "what"u8)));

    private static void WriteFactors(Utf8JsonWriter w, IEnumerable<ContributingFactor> factors)
    {
        w.WriteStartArray("factors");
        foreach (var factor in factors)
        {
            w.WriteStartObject();
            w.WriteString("id", factor.Id);
            w.WriteString("description", factor.Description);
            w.WriteString("owner", factor.Owner.ToString());
            w.WriteBoolean("disclosedToCustomer", factor.DisclosedToCustomer);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static IEnumerable<ContributingFactor> ReadFactors(PayloadNode owner)
        => Required(owner, "factors"u8).ReadArray(x => new ContributingFactor(RequiredString(x, "id"u8), RequiredString(x, "description"u8), ReadEnum<FactorOwner>(Required(x, "owner"u8)), Required(x, "disclosedToCustomer"u8).GetBoolean()));

    private static void WriteDefinition(Utf8JsonWriter w, ChangePlanDefinition d)
    {
        w.WriteStartObject("definition");
        w.WriteString("id", d.Id.Value);
        w.WriteString("title", d.Title);
        w.WriteString("size", d.Size.ToString());
        w.WriteString("businessReason", d.BusinessReason);
        w.WriteString("technicalReason", d.TechnicalReason);
        WriteStrings(w, "risks", d.Risks);
        WriteStrings(w, "assumptions", d.Assumptions);
        w.WritePropertyName("changeWindows");
        BusinessCalendarJson.Write(w, d.SchedulingConstraints.Allowed);
        w.WritePropertyName("blackouts");
        BlackoutSetJson.Write(w, d.SchedulingConstraints.Blackouts);
        w.WritePropertyName("expectedLength");
        JsonSerializer.Serialize(w, d.ExpectedLength, NodaOptions);
        w.WriteString("accountableOwnerId", d.AccountableOwnerId);
        w.WriteStartArray("parties");
        foreach (var party in d.Parties)
        {
            w.WriteStartObject();
            w.WriteString("kind", party.Kind.ToString());
            w.WriteString("name", party.Name);
            WriteContact(w, "primary", party.Primary);
            WriteContact(w, "backup", party.Backup);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("tasks");
        foreach (var task in d.Tasks)
        {
            w.WriteStartObject();
            w.WriteString("id", task.Id);
            w.WriteString("description", task.Description);
            w.WriteString("ownerId", task.OwnerId);
            w.WritePropertyName("startOffset");
            JsonSerializer.Serialize(w, task.StartOffset, NodaOptions);
            w.WritePropertyName("length");
            JsonSerializer.Serialize(w, task.Length, NodaOptions);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("pointOfNoReturn", d.PointOfNoReturn);
        w.WriteString("backOutPlan", d.BackOutPlan);
        WriteStrings(w, "validationSteps", d.ValidationSteps);
        w.WriteEndObject();
    }

    private static void WriteContact(Utf8JsonWriter w, string name, ChangeContact contact)
    {
        w.WriteStartObject(name);
        w.WriteString("personId", contact.PersonId);
        w.WriteString("reach", contact.Reach);
        w.WriteEndObject();
    }

    private static ChangeContact ReadContact(PayloadNode e) => new(RequiredString(e, "personId"u8), RequiredString(e, "reach"u8));

    private static ChangePlanDefinition ReadDefinition(PayloadNode r)
    {
        var d = Required(r, "definition"u8);
        var pointOfNoReturn = Required(d, "pointOfNoReturn"u8);
        return new ChangePlanDefinition(
            new ChangePlanId(Required(d, "id"u8).GetGuid()),
            RequiredString(d, "title"u8),
            ReadEnum<ChangePlanSize>(Required(d, "size"u8)),
            RequiredString(d, "businessReason"u8),
            RequiredString(d, "technicalReason"u8),
            ReadStrings(Required(d, "risks"u8)),
            ReadStrings(Required(d, "assumptions"u8)),
            new MaintenanceWindowFinder(WithDocument(Required(d, "changeWindows"u8), BusinessCalendarJson.Load), WithDocument(Required(d, "blackouts"u8), BlackoutSetJson.Load)),
            ReadDuration(Required(d, "expectedLength"u8)),
            RequiredString(d, "accountableOwnerId"u8),
            EquatableList<ChangeParty>.Wrap(Required(d, "parties"u8).ReadArray(p => new ChangeParty(ReadEnum<ChangePartyKind>(Required(p, "kind"u8)), RequiredString(p, "name"u8), ReadContact(Required(p, "primary"u8)), ReadContact(Required(p, "backup"u8))))),
            EquatableList<ChangeTask>.Wrap(Required(d, "tasks"u8).ReadArray(t => new ChangeTask(RequiredString(t, "id"u8), RequiredString(t, "description"u8), RequiredString(t, "ownerId"u8), ReadDuration(Required(t, "startOffset"u8)), ReadDuration(Required(t, "length"u8))))),
            pointOfNoReturn.ValueKind == JsonValueKind.Null ? null : pointOfNoReturn.GetString(),
            RequiredString(d, "backOutPlan"u8),
            ReadStrings(Required(d, "validationSteps"u8)));
    }

    /// <summary>
    /// The sub-processes' own rejection kinds: a process machine's refusal and a process's authorization refusal, typed
    /// by the process's states and triggers, the escalation's, and a refused change slot (kept as its rule and words).
    /// </summary>
    private static bool TryWriteSubProcessRejection(Utf8JsonWriter w, Rejection rejection)
    {
        var type = rejection.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NotPermittedInState<,>))
        {
            var args = type.GetGenericArguments();
            w.WriteString("process", args[0].Name);
            w.WriteString("state", type.GetProperty(nameof(NotPermittedInState.State))!.GetValue(rejection)!.ToString());
            w.WriteString("trigger", type.GetProperty(nameof(NotPermittedInState.Trigger))!.GetValue(rejection)!.ToString());
            return true;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NotAuthorized<>))
        {
            w.WriteString("process", type.GetGenericArguments()[0].Name);
            w.WriteString("role", type.GetProperty(nameof(NotAuthorized.Role))!.GetValue(rejection)!.ToString());
            w.WriteString("trigger", type.GetProperty(nameof(NotAuthorized.Trigger))!.GetValue(rejection)!.ToString());
            w.WriteString("detail", (string)type.GetProperty(nameof(NotAuthorized.Detail))!.GetValue(rejection)!);
            return true;
        }

        switch (rejection)
        {
            case EscalationNotPermitted r:
                w.WriteString("phase", r.Phase.ToString());
                w.WriteString("trigger", r.Trigger.ToString());
                return true;
            case EscalationNotAuthorized r:
                w.WriteString("role", r.Role.ToString());
                w.WriteString("trigger", r.Trigger.ToString());
                w.WriteString("detail", r.Detail);
                return true;
            case ChangeSlotRefused r:
                w.WritePropertyName("slotStart");
                WriteInstant(w, r.Slot.Start);
                w.WritePropertyName("slotEnd");
                WriteInstant(w, r.Slot.End);
                w.WriteBoolean("insideAllowedTime", r.IsInsideChangeWindows);
                w.WriteString("detail", r.Detail);
                return true;
            default:
                return false;
        }
    }

    private static Rejection? ReadSubProcessRejection(string kind, PayloadNode root)
    {
        if (root.TryGetProperty("process"u8, out var process))
        {
            var name = process.GetString();
            return kind switch
            {
                nameof(NotPermittedInState) => name switch
                {
                    nameof(ChangePlanState) => NotPermitted<ChangePlanState, ChangePlanTrigger>(root),
                    nameof(CommunicationState) => NotPermitted<CommunicationState, CommunicationTrigger>(root),
                    nameof(MitigationTrialState) => NotPermitted<MitigationTrialState, MitigationTrialTrigger>(root),
                    nameof(ReviewState) => NotPermitted<ReviewState, ReviewTrigger>(root),
                    _ => null,
                },
                nameof(NotAuthorized) => name switch
                {
                    nameof(ChangePlanTrigger) => Unauthorized(root, ReadEnum<ChangePlanTrigger>(Required(root, "trigger"u8))),
                    nameof(CommunicationTrigger) => Unauthorized(root, ReadEnum<CommunicationTrigger>(Required(root, "trigger"u8))),
                    nameof(MitigationTrialTrigger) => Unauthorized(root, ReadEnum<MitigationTrialTrigger>(Required(root, "trigger"u8))),
                    nameof(ReviewTrigger) => Unauthorized(root, ReadEnum<ReviewTrigger>(Required(root, "trigger"u8))),
                    nameof(String) => Unauthorized(root, RequiredString(root, "trigger"u8)),
                    _ => null,
                },
                _ => null,
            };
        }

        return kind switch
        {
            nameof(EscalationNotPermitted) => new EscalationNotPermitted(ReadEnum<EscalationPhase>(Required(root, "phase"u8)), ReadEnum<EscalationTrigger>(Required(root, "trigger"u8))),
            nameof(EscalationNotAuthorized) => new EscalationNotAuthorized(ReadEnum<IncidentRole>(Required(root, "role"u8)), ReadEnum<EscalationTrigger>(Required(root, "trigger"u8)), RequiredString(root, "detail"u8)),
            nameof(ChangeSlotRefused) => new ChangeSlotRefused(
                new Interval(ReadInstant(Required(root, "slotStart"u8)), ReadInstant(Required(root, "slotEnd"u8))),
                EquatableList<BlackoutHit>.Empty,
                Required(root, "insideAllowedTime"u8).GetBoolean(),
                RequiredString(root, "detail"u8)),
            _ => null,
        };
    }

    private static NotPermittedInState<TState, TTrigger> NotPermitted<TState, TTrigger>(PayloadNode root)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        => new(ReadEnum<TState>(Required(root, "state"u8)), ReadEnum<TTrigger>(Required(root, "trigger"u8)));

    private static NotAuthorized<TTrigger> Unauthorized<TTrigger>(PayloadNode root, TTrigger trigger)
        => new(ReadEnum<IncidentRole>(Required(root, "role"u8)), trigger, RequiredString(root, "detail"u8));

    /// <summary>
    /// The snapshot converter for a change plan's definition: its calendars and blackouts have no field-by-field
    /// snapshot form, so a snapshot stores the definition exactly as <see cref="ChangePlanDrafted"/> does.
    /// </summary>
    internal static JsonConverter OwnStoredFormConverter { get; } = new ChangePlanDefinitionConverter();

    /// <summary>Whether a state type is snapshotted through <see cref="OwnStoredFormConverter"/> rather than field by field.</summary>
    internal static bool HasOwnStoredForm(Type type) => type == typeof(ChangePlanDefinition);

    private sealed class ChangePlanDefinitionConverter : JsonConverter<ChangePlanDefinition>
    {
        public override ChangePlanDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The reader may stand on a segmented buffer; the definition's own text is copied out whole to be indexed.
            using var document = JsonDocument.ParseValue(ref reader);
            return ReadDefinition(new PayloadIndex().Parse(Encoding.UTF8.GetBytes(document.RootElement.GetRawText())));
        }

        public override void Write(Utf8JsonWriter writer, ChangePlanDefinition value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            WriteDefinition(writer, value);
            writer.WriteEndObject();
        }
    }
}
