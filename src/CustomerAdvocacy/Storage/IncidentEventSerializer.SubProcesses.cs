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
using CustomerAdvocacy.Storage.Serialization;
using NodaTime;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// The stored form of the sub-process events (escalation, analysis, mitigation trial, change plan, communication,
/// management review) and of the sub-processes' typed rejections. Kept apart from the lifecycle's events so both grow
/// without touching each other; registered and written like the lifecycle's.
/// </summary>
public sealed partial class IncidentEventSerializer
{
    // Runs after every static field initializer of both partial files, so both type maps exist.
    static IncidentEventSerializer()
    {
        var all = LifecycleEvents.Concat(SubProcessEvents).ToList();
        ByName = all.ToDictionary(e => e.Name, StringComparer.Ordinal);
        ByType = all.ToDictionary(e => e.Type);
        ContractOptions = StoredEventContract.CreateOptions();
        KnownTypesByUtf8Length = all.Select(e => (Utf8: Encoding.UTF8.GetBytes(e.Name), e.Name))
            .ToLookup(t => t.Utf8.Length)
            .Aggregate(new (byte[] Utf8, string Name)[all.Max(e => Encoding.UTF8.GetByteCount(e.Name)) + 1][], (table, g) =>
            {
                table[g.Key] = g.ToArray();
                return table;
            });
    }

    // The type map of the sub-processes' events, as the lifecycle's.
    private static readonly StoredEventType[] SubProcessEvents =
    {
        Event(EscalationRaised.TypeName, (m, r) => new EscalationRaised(m, ReadEnum<EscalationTriggerKind>(Required(r, "reason"u8)), RequiredString(r, "detail"u8), Required(r, "rung"u8).GetInt32(), ReadEnum<EscalationLevel>(Required(r, "level"u8)), ReadInstant(Required(r, "timeOutAt"u8)))),
        Event(EscalationTriggerAdded.TypeName, (m, r) => new EscalationTriggerAdded(m, ReadEnum<EscalationTriggerKind>(Required(r, "reason"u8)), RequiredString(r, "detail"u8))),
        Event(EscalationAcknowledged.TypeName, (m, r) => new EscalationAcknowledged(m, Required(r, "rung"u8).GetInt32(), ReadEnum<EscalationLevel>(Required(r, "level"u8)))),
        Event(EscalationRose.TypeName, (m, r) => new EscalationRose(m, Required(r, "fromRung"u8).GetInt32(), Required(r, "toRung"u8).GetInt32(), ReadEnum<EscalationLevel>(Required(r, "level"u8)), Required(r, "repeat"u8).GetInt32(), ReadInstant(Required(r, "timeOutAt"u8)))),
        Event(EscalationExhausted.TypeName, (m, r) => new EscalationExhausted(m, ReadEnum<EscalationLevel>(Required(r, "level"u8)))),
        Event(EscalationTriggerCleared.TypeName, (m, r) => new EscalationTriggerCleared(m, ReadEnum<EscalationTriggerKind>(Required(r, "reason"u8)), Required(r, "deescalated"u8).GetBoolean())),
        Event(PowerLineDecisionRecorded.TypeName, (m, r) => new PowerLineDecisionRecorded(
            m,
            ReadEnum<PowerLineDecisionKind>(Required(r, "decision"u8)),
            EquatableList<Stakeholder>.Wrap(Required(r, "participants"u8).ReadArray(p => new Stakeholder(RequiredString(p, "id"u8), ReadEnum<IncidentRole>(Required(p, "role"u8)), ReadEnum<PowerLineSide>(Required(p, "side"u8))))),
            RequiredString(r, "summary"u8))),
        Event(FactRecorded.TypeName, (m, r) => new FactRecorded(m, ReadFact(Required(r, "fact"u8)))),
        Event(ScenarioProposed.TypeName, (m, r) => new ScenarioProposed(m, ReadScenario(Required(r, "scenario"u8)))),
        Event(ScenarioEliminated.TypeName, (m, r) => new ScenarioEliminated(m, RequiredString(r, "scenarioId"u8), RequiredString(r, "factId"u8))),
        Event(SituationSummaryRecorded.TypeName, (m, r) => new SituationSummaryRecorded(m, new SituationSummary(ReadChronology(Required(r, "summary"u8)), ReadFactors(Required(r, "summary"u8))))),
        Event(ProposalDrafted.TypeName, (m, r) => new ProposalDrafted(m, ReadProposal(Required(r, "proposal"u8)))),
        Event(ProposalApproved.TypeName, (m, r) => new ProposalApproved(m)),
        Event(ProposalRejected.TypeName, (m, r) => new ProposalRejected(m, RequiredString(r, "reason"u8))),
        Event(ProposalActionExecuted.TypeName, (m, r) => new ProposalActionExecuted(m, RequiredString(r, "actionId"u8))),
        Event(CustomerMeetingScheduled.TypeName, (m, r) => new CustomerMeetingScheduled(
            m,
            RequiredString(r, "meetingId"u8),
            EquatableList<MeetingParticipant>.Wrap(Required(r, "participants"u8).ReadArray(p => new MeetingParticipant(RequiredString(p, "personId"u8), ReadEnum<IncidentRole>(Required(p, "role"u8))))))),
        Event(MeetingDryRunRecorded.TypeName, (m, r) => new MeetingDryRunRecorded(m, RequiredString(r, "meetingId"u8), ReadStrings(Required(r, "attendees"u8)))),
        Event(CustomerMeetingHeld.TypeName, (m, r) => new CustomerMeetingHeld(m, RequiredString(r, "meetingId"u8), ReadStrings(Required(r, "attendees"u8)))),
        Event(MitigationTrialOffered.TypeName, (m, r) => new MitigationTrialOffered(
            m,
            RequiredString(r, "service"u8),
            new TrialLength(Required(Required(r, "length"u8), "days"u8).GetInt32(), ReadEnum<TrialDayKind>(Required(Required(r, "length"u8), "kind"u8))),
            EquatableList<int>.Wrap(Required(r, "reminderDaysBeforeEnd"u8).ReadArray(d => d.GetInt32())),
            ReadRoiCase(Required(r, "roiCase"u8)))),
        Event(MitigationTrialStarted.TypeName, (m, r) => new MitigationTrialStarted(
            m,
            ReadInstant(Required(r, "startedAt"u8)),
            ReadInstant(Required(r, "endsAt"u8)),
            EquatableList<TrialReminder>.Wrap(Required(r, "reminders"u8).ReadArray(x => new TrialReminder(Required(x, "daysBeforeEnd"u8).GetInt32(), ReadInstant(Required(x, "dueAt"u8))))))),
        Event(MitigationTrialDeclined.TypeName, (m, r) => new MitigationTrialDeclined(m, RequiredString(r, "reason"u8))),
        Event(MitigationTrialReminded.TypeName, (m, r) => new MitigationTrialReminded(m, Required(r, "daysBeforeEnd"u8).GetInt32())),
        Event(MitigationPurchased.TypeName, (m, r) => new MitigationPurchased(m)),
        Event(MitigationTrialSwitchedOff.TypeName, (m, r) => new MitigationTrialSwitchedOff(m, RequiredString(r, "riskNotice"u8))),
        Event(ManagementReviewStarted.TypeName, (m, r) => new ManagementReviewStarted(m, ReadInstant(Required(r, "closedAt"u8)), ReadInstant(Required(r, "dueAt"u8)))),
        Event(ReviewFindingsRecorded.TypeName, (m, r) => new ReviewFindingsRecorded(m, EquatableList<ChronologyEntry>.From(ReadChronology(r)), EquatableList<ContributingFactor>.From(ReadFactors(r)), ReadStrings(Required(r, "learnings"u8)))),
        Event(PreventiveActionAdded.TypeName, (m, r) => new PreventiveActionAdded(m, ReadPreventiveAction(Required(r, "action"u8)))),
        Event(CustomerFitAssessed.TypeName, (m, r) => new CustomerFitAssessed(m, ReadFitFacts(Required(r, "facts"u8)), ReadFitAssessment(Required(r, "assessment"u8)))),
        Event(TerminationRecommended.TypeName, (m, r) => new TerminationRecommended(m, ReadEnum<TerminationGround>(Required(r, "ground"u8)), RequiredString(r, "rationale"u8))),
        Event(TerminationDecided.TypeName, (m, r) => new TerminationDecided(m, Required(r, "terminate"u8).GetBoolean(), RequiredString(r, "rationale"u8))),
        Event(ManagementReviewCompleted.TypeName, (m, r) => new ManagementReviewCompleted(m, Required(r, "late"u8).GetBoolean())),
        Event(ChangePlanDrafted.TypeName, (m, r) => new ChangePlanDrafted(m, ReadDefinition(Required(r, "definition"u8)))),
        Event(ChangePlanReviewedWithCustomer.TypeName, (m, r) => new ChangePlanReviewedWithCustomer(m, PlanId(r), RequiredString(r, "customerParticipantId"u8))),
        Event(ChangeScheduled.TypeName, (m, r) => new ChangeScheduled(m, PlanId(r), new Interval(ReadInstant(Required(r, "slotStart"u8)), ReadInstant(Required(r, "slotEnd"u8))))),
        Event(ChangeStarted.TypeName, (m, r) => new ChangeStarted(m, PlanId(r))),
        Event(ChangePointOfNoReturnPassed.TypeName, (m, r) => new ChangePointOfNoReturnPassed(m, PlanId(r))),
        Event(ChangeBackedOut.TypeName, (m, r) => new ChangeBackedOut(m, PlanId(r), RequiredString(r, "reason"u8))),
        Event(ChangeValidationStarted.TypeName, (m, r) => new ChangeValidationStarted(m, PlanId(r))),
        Event(ChangeConfirmedByCustomer.TypeName, (m, r) => new ChangeConfirmedByCustomer(m, PlanId(r))),
        Event(ChangePlanHandoffOffered.TypeName, (m, r) => new ChangePlanHandoffOffered(m, PlanId(r), RequiredString(r, "successorId"u8))),
        Event(ChangePlanHandoffAccepted.TypeName, (m, r) => new ChangePlanHandoffAccepted(m, PlanId(r), RequiredString(r, "previousOwnerId"u8), RequiredString(r, "newOwnerId"u8))),
        Event(ChangePlanParticipantLeft.TypeName, (m, r) => new ChangePlanParticipantLeft(m, PlanId(r), RequiredString(r, "personId"u8))),
        Event(CommunicationDrafted.TypeName, (m, r) => new CommunicationDrafted(m, CommunicationIdOf(r), ReadEnum<CommunicationKind>(Required(r, "kind"u8)), RequiredString(r, "title"u8), ReadStrings(Required(r, "customerRecipientIds"u8)))),
        Event(CommunicationSubmittedForReview.TypeName, (m, r) => new CommunicationSubmittedForReview(m, CommunicationIdOf(r))),
        Event(CommunicationReleased.TypeName, (m, r) => new CommunicationReleased(m, CommunicationIdOf(r), ReadConversation(Required(r, "conversation"u8)))),
        Event(CommunicationWithdrawn.TypeName, (m, r) => new CommunicationWithdrawn(m, CommunicationIdOf(r), RequiredString(r, "reason"u8))),
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

    private static IReadOnlyList<ProposalAction> ReadActions(PayloadNode e)
        => ReadIdsAndDescriptions(e, (id, description) => new ProposalAction(id, description));

    private static IEnumerable<ChronologyEntry> ReadChronology(PayloadNode owner)
        => Required(owner, "chronology"u8).ReadArray(x => new ChronologyEntry(ReadInstant(Required(x, "at"u8)), RequiredString(x, "what"u8)));

    private static IEnumerable<ContributingFactor> ReadFactors(PayloadNode owner)
        => Required(owner, "factors"u8).ReadArray(x => new ContributingFactor(RequiredString(x, "id"u8), RequiredString(x, "description"u8), ReadEnum<FactorOwner>(Required(x, "owner"u8)), Required(x, "disclosedToCustomer"u8).GetBoolean()));

    private static void WriteDefinition(Utf8JsonWriter w, ChangePlanDefinition d)
    {
        w.WriteStartObject();
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

    private static ChangePlanDefinition ReadDefinition(PayloadNode d)
    {
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
    /// snapshot form, so a snapshot stores the definition exactly as <see cref="ChangePlanDrafted"/> does, inside an
    /// object of its own.
    /// </summary>
    internal static JsonConverter OwnStoredFormConverter { get; } = new ChangePlanDefinitionConverter(wrapped: true);

    /// <summary>The definition's stored form as <see cref="ChangePlanDrafted"/> holds it, for the events' contract.</summary>
    internal static JsonConverter DefinitionConverter { get; } = new ChangePlanDefinitionConverter(wrapped: false);

    /// <summary>Whether a state type is snapshotted through <see cref="OwnStoredFormConverter"/> rather than field by field.</summary>
    internal static bool HasOwnStoredForm(Type type) => type == typeof(ChangePlanDefinition);

    private sealed class ChangePlanDefinitionConverter : JsonConverter<ChangePlanDefinition>
    {
        private readonly bool _wrapped;

        internal ChangePlanDefinitionConverter(bool wrapped) => _wrapped = wrapped;

        public override ChangePlanDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The reader may stand on a segmented buffer; the definition's own text is copied out whole to be indexed.
            using var document = JsonDocument.ParseValue(ref reader);
            var node = new PayloadIndex().Parse(Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
            return ReadDefinition(_wrapped ? Required(node, "definition"u8) : node);
        }

        public override void Write(Utf8JsonWriter writer, ChangePlanDefinition value, JsonSerializerOptions options)
        {
            if (_wrapped)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("definition");
            }

            WriteDefinition(writer, value);
            if (_wrapped)
            {
                writer.WriteEndObject();
            }
        }
    }
}
