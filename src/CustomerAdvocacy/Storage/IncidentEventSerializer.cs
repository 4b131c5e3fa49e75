using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace CustomerAdvocacy.Storage;

/// <summary>An event as a store keeps it: a stable type name, the schema version it was written in, and JSON.</summary>
/// <param name="EventType">The stable type name (<see cref="IncidentEvent.EventType"/>).</param>
/// <param name="SchemaVersion">The schema version of <paramref name="Payload"/>.</param>
/// <param name="Payload">The event as JSON, without its incident id and version (the store keys on those).</param>
public sealed record SerializedEvent(string EventType, int SchemaVersion, string Payload);

/// <summary>
/// Turns incident events and rejections into JSON and back. Each event record is registered once in a type map (its
/// stable name and its reader) and written from its source-generated System.Text.Json contract, shaped into the
/// stored layout; the committed golden streams hold that layout to the byte, so a property renamed in code cannot
/// change what is stored unnoticed. A deliberate schema change raises <see cref="CurrentSchemaVersion"/> and adds an
/// <see cref="IncidentEventUpcaster"/> for the old one. Thread-safe.
/// </summary>
public sealed partial class IncidentEventSerializer
{
    /// <summary>The schema version every event is written in.</summary>
    public const int CurrentSchemaVersion = 1;

    // Known type names by their UTF-8 length (null where none is that long); filled once both partial files' names are in.
    private static readonly (byte[] Utf8, string Name)[]?[] KnownTypesByUtf8Length;

    // Both partial files' type maps, by stored name and by record; filled once both are in.
    private static readonly Dictionary<string, StoredEventType> ByName;
    private static readonly Dictionary<Type, StoredEventType> ByType;

    // The source-generated contracts, shaped into the stored layout.
    private static readonly JsonSerializerOptions ContractOptions;

    /// <summary>Every event type name this serializer writes and reads in <see cref="CurrentSchemaVersion"/>, for docs and tests.</summary>
    internal static IReadOnlyCollection<string> KnownEventTypes => ByName.Keys;

    /// <summary>Every event record in the type map with its stored name, for tests.</summary>
    internal static IEnumerable<(Type Record, string Name)> KnownEventRecords => ByType.Values.Select(e => (e.Type, e.Name));

    private static readonly JsonSerializerOptions NodaOptions = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    // Strict both ways: a lone surrogate or an invalid byte is a corrupt payload, as it is to JsonDocument.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<(string Type, int Version), IncidentEventUpcaster> _upcasters = new();
    private PayloadIndex? _spareIndex;
    private PayloadBuffer? _spareBuffer;

    /// <summary>Creates a serializer that reads only current events.</summary>
    public IncidentEventSerializer()
        : this(Array.Empty<IncidentEventUpcaster>())
    {
    }

    /// <summary>Creates a serializer that reads older schemas through upcasters.</summary>
    /// <param name="upcasters">At most one per stored type name and schema version.</param>
    /// <exception cref="ArgumentException">Two upcasters read the same type and version, or one does not move forward.</exception>
    public IncidentEventSerializer(IEnumerable<IncidentEventUpcaster> upcasters)
    {
        foreach (var upcaster in Preconditions.CheckNotNull(upcasters))
        {
            Preconditions.CheckNotNull(upcaster, nameof(upcasters));
            if (upcaster.ToSchemaVersion <= upcaster.FromSchemaVersion && string.Equals(upcaster.ToEventType, upcaster.FromEventType, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The upcaster from '{upcaster.FromEventType}' v{upcaster.FromSchemaVersion} does not move forward.", nameof(upcasters));
            }

            if (ByName.ContainsKey(upcaster.FromEventType) && upcaster.FromSchemaVersion == CurrentSchemaVersion)
            {
                throw new ArgumentException($"'{upcaster.FromEventType}' v{upcaster.FromSchemaVersion} is current; it needs no upcaster.", nameof(upcasters));
            }

            if (_upcasters.ContainsKey((upcaster.FromEventType, upcaster.FromSchemaVersion)))
            {
                throw new ArgumentException($"Two upcasters read '{upcaster.FromEventType}' v{upcaster.FromSchemaVersion}.", nameof(upcasters));
            }

            _upcasters.Add((upcaster.FromEventType, upcaster.FromSchemaVersion), upcaster);
        }
    }

    /// <summary>Serializes an event in the current schema.</summary>
    /// <param name="incidentEvent">The event.</param>
    /// <returns>Its stored form.</returns>
    public SerializedEvent Serialize(IncidentEvent incidentEvent)
    {
        Preconditions.CheckNotNull(incidentEvent);
        var buffer = RentBuffer();
        try
        {
            var w = buffer.Start();
            JsonSerializer.Serialize(w, incidentEvent, Contract(incidentEvent));
            return new SerializedEvent(incidentEvent.EventType, CurrentSchemaVersion, buffer.ToText());
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>Reads a stored event, upcasting older schemas.</summary>
    /// <param name="incidentId">The stream it was stored in.</param>
    /// <param name="version">Its version in the stream.</param>
    /// <param name="stored">The stored form.</param>
    /// <returns>The current event.</returns>
    /// <exception cref="EventDeserializationException">The type or schema version is unknown, or the payload is corrupt.</exception>
    public IncidentEvent Deserialize(IncidentId incidentId, long version, SerializedEvent stored)
    {
        Preconditions.CheckNotNull(stored);
        var type = stored.EventType ?? string.Empty;
        var schema = stored.SchemaVersion;
        var payload = stored.Payload;
        try
        {
            JsonObject? node = null;
            var steps = 0;
            while (!(schema == CurrentSchemaVersion && ByName.ContainsKey(type)))
            {
                if (!_upcasters.TryGetValue((type, schema), out var upcaster) || ++steps > 100)
                {
                    var what = ByName.ContainsKey(type) ? $"schema version {schema} is not {CurrentSchemaVersion} and no upcaster reads it" : $"no event type '{type}' is known and no upcaster reads it";
                    throw new EventDeserializationException(incidentId, version, stored.EventType ?? "(null)", stored.SchemaVersion, what);
                }

                node ??= JsonNode.Parse(payload ?? string.Empty) as JsonObject ?? throw new JsonException("The payload is not a JSON object.");
                node = upcaster.Upcast(node) ?? throw new JsonException($"The upcaster from '{type}' v{schema} returned nothing.");
                type = upcaster.ToEventType;
                schema = upcaster.ToSchemaVersion;
            }

            var utf8 = StrictUtf8.GetBytes(node is not null ? node.ToJsonString() : payload ?? string.Empty);
            return ReadIndexed(incidentId, version, ByName[type], utf8);
        }
        catch (Exception ex) when (IsCorruption(ex))
        {
            throw new EventDeserializationException(incidentId, version, stored.EventType ?? "(null)", stored.SchemaVersion, "the payload is corrupt: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads a stored event from the UTF-8 bytes of its payload, as a store holds them, upcasting older schemas. The
    /// same as <see cref="Deserialize(IncidentId, long, SerializedEvent)"/>, without decoding the payload into a string
    /// first when it is in the current schema.
    /// </summary>
    /// <param name="incidentId">The stream it was stored in.</param>
    /// <param name="version">Its version in the stream.</param>
    /// <param name="eventType">The stored type name.</param>
    /// <param name="schemaVersion">The schema version the payload was written in.</param>
    /// <param name="utf8Payload">The payload's JSON in UTF-8.</param>
    /// <returns>The current event.</returns>
    /// <exception cref="EventDeserializationException">The type or schema version is unknown, or the payload is corrupt.</exception>
    public IncidentEvent Deserialize(IncidentId incidentId, long version, string eventType, int schemaVersion, ReadOnlyMemory<byte> utf8Payload)
    {
        if (schemaVersion != CurrentSchemaVersion || eventType is null || !ByName.TryGetValue(eventType, out var stored))
        {
            // Upcasting works on a JSON tree anyway; this rare path shares the string overload's code.
            return Deserialize(incidentId, version, new SerializedEvent(eventType!, schemaVersion, Encoding.UTF8.GetString(utf8Payload.ToArray())));
        }

        try
        {
            return ReadIndexed(incidentId, version, stored, utf8Payload);
        }
        catch (Exception ex) when (IsCorruption(ex))
        {
            throw new EventDeserializationException(incidentId, version, eventType, schemaVersion, "the payload is corrupt: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads a stored event from the UTF-8 bytes of its type name and payload, as a store holds them, upcasting older
    /// schemas. The same as <see cref="Deserialize(IncidentId, long, string, int, ReadOnlyMemory{byte})"/>, without a
    /// string for the type name of each event: a known name is matched on its bytes.
    /// </summary>
    /// <param name="incidentId">The stream it was stored in.</param>
    /// <param name="version">Its version in the stream.</param>
    /// <param name="utf8EventType">The stored type name in UTF-8.</param>
    /// <param name="schemaVersion">The schema version the payload was written in.</param>
    /// <param name="utf8Payload">The payload's JSON in UTF-8; read before this returns, so the caller may reuse its buffer.</param>
    /// <returns>The current event.</returns>
    /// <exception cref="EventDeserializationException">The type or schema version is unknown, or the payload is corrupt.</exception>
    public IncidentEvent Deserialize(IncidentId incidentId, long version, ReadOnlySpan<byte> utf8EventType, int schemaVersion, ReadOnlyMemory<byte> utf8Payload)
        => Deserialize(incidentId, version, KnownTypeName(utf8EventType) ?? LenientUtf8(utf8EventType), schemaVersion, utf8Payload);

    /// <summary>Serializes a rejection for a command record.</summary>
    /// <param name="rejection">The rejection.</param>
    /// <returns>Its JSON.</returns>
    public string SerializeRejection(Rejection rejection)
    {
        Preconditions.CheckNotNull(rejection);
        var buffer = RentBuffer();
        try
        {
            var w = buffer.Start();
            w.WriteStartObject();
            w.WriteString("kind", rejection.Kind);
            switch (rejection)
            {
                case NotPermittedInState r:
                    w.WriteString("state", r.State.ToString());
                    w.WriteString("trigger", r.Trigger.ToString());
                    break;
                case NotAuthorized r:
                    w.WriteString("role", r.Role.ToString());
                    w.WriteString("trigger", r.Trigger.ToString());
                    w.WriteString("detail", r.Detail);
                    break;
                case RuleBroken r:
                    w.WriteString("rule", r.Rule);
                    w.WriteString("detail", r.Detail);
                    WriteViolations(w, r);
                    break;
                case StaleVersion r:
                    w.WriteNumber("expectedVersion", r.ExpectedVersion);
                    w.WriteNumber("actualVersion", r.ActualVersion);
                    break;
                default:
                    if (!TryWriteSubProcessRejection(w, rejection))
                    {
                        throw new ArgumentException($"Rejection kind '{rejection.Kind}' has no stored form.", nameof(rejection));
                    }

                    break;
            }

            w.WriteEndObject();
            return buffer.ToText();
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>
    /// Writes a refusal's violations, unless it is the single violation of its own rule and detail: a stored refusal of
    /// one rule keeps the layout it always had.
    /// </summary>
    private static void WriteViolations(Utf8JsonWriter w, RuleBroken rejection)
    {
        if (!rejection.HasViolationList)
        {
            return;
        }

        w.WriteStartArray("violations");
        foreach (var violation in rejection.Violations)
        {
            w.WriteStartObject();
            w.WriteString("rule", violation.Rule);
            w.WriteString("detail", violation.Detail);
            if (violation is ClosureProblem problem)
            {
                w.WriteString("condition", problem.Condition.ToString());
                WriteStrings(w, "references", problem.References);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static RuleBroken ReadRuleBroken(PayloadNode root)
    {
        var broken = new RuleBroken(RequiredString(root, "rule"u8), RequiredString(root, "detail"u8));
        if (!root.TryGetProperty("violations"u8, out var violations))
        {
            return broken;
        }

        return broken with
        {
            Violations = violations.ReadArray<RuleViolation>(v => v.TryGetProperty("condition"u8, out var condition)
                ? new ClosureProblem(ReadEnum<ClosureCondition>(condition), RequiredString(v, "rule"u8), RequiredString(v, "detail"u8), ReadStrings(Required(v, "references"u8)))
                : new RuleViolation(RequiredString(v, "rule"u8), RequiredString(v, "detail"u8))),
        };
    }

    /// <summary>Reads a stored rejection.</summary>
    /// <param name="commandId">The command it belongs to, for the error message.</param>
    /// <param name="json">The stored JSON.</param>
    /// <returns>The rejection.</returns>
    /// <exception cref="CommandRecordDeserializationException">The JSON is corrupt or of an unknown kind.</exception>
    public Rejection DeserializeRejection(CommandId commandId, string json)
    {
        var index = RentIndex();
        try
        {
            var root = index.Parse(StrictUtf8.GetBytes(json ?? string.Empty));
            var kind = RequiredString(root, "kind"u8);
            return ReadSubProcessRejection(kind, root) ?? kind switch
            {
                nameof(NotPermittedInState) => new NotPermittedInState(ReadEnum<IncidentState>(Required(root, "state"u8)), ReadEnum<IncidentTrigger>(Required(root, "trigger"u8))),
                nameof(NotAuthorized) => new NotAuthorized(ReadEnum<IncidentRole>(Required(root, "role"u8)), ReadEnum<IncidentTrigger>(Required(root, "trigger"u8)), RequiredString(root, "detail"u8)),
                nameof(RuleBroken) => ReadRuleBroken(root),
                nameof(StaleVersion) => new StaleVersion(Required(root, "expectedVersion"u8).GetInt64(), Required(root, "actualVersion"u8).GetInt64()),
                _ => throw new CommandRecordDeserializationException(commandId, $"no rejection kind '{kind}' is known"),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new CommandRecordDeserializationException(commandId, "the rejection is corrupt: " + ex.Message, ex);
        }
        finally
        {
            ReturnIndex(index);
        }
    }

    /// <summary>The known type name spelled by <paramref name="utf8"/>, or null.</summary>
    private static string? KnownTypeName(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < KnownTypesByUtf8Length.Length && KnownTypesByUtf8Length[utf8.Length] is { } candidates)
        {
            foreach (var (bytes, name) in candidates)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return name;
                }
            }
        }

        return null;
    }

    // An unknown type name is only reported, so bytes that are no UTF-8 are shown replaced rather than thrown on.
    private static string LenientUtf8(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.ToArray());

    private static bool IsCorruption(Exception ex)
        => ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException;

    private IncidentEvent ReadIndexed(IncidentId incidentId, long version, StoredEventType type, ReadOnlyMemory<byte> utf8Payload)
    {
        var index = RentIndex();
        try
        {
            return ReadCurrent(incidentId, version, type, index.Parse(utf8Payload));
        }
        finally
        {
            ReturnIndex(index);
        }
    }

    /// <summary>A type map line: the record, read from its index by <paramref name="read"/>, stored as <paramref name="name"/>.</summary>
    private static StoredEventType Event<T>(string name, Func<EventMetadata, PayloadNode, T> read)
        where T : IncidentEvent
        => new(name, typeof(T), read);

    private static JsonTypeInfo Contract(IncidentEvent e)
        => ByType.ContainsKey(e.GetType())
            ? ContractOptions.GetTypeInfo(e.GetType())
            : throw new ArgumentException($"Event type '{e.EventType}' has no stored form.", nameof(e));

    // One index is kept per serializer and lent to one reader at a time; a reader that finds it lent out makes its own.
    private PayloadIndex RentIndex() => Interlocked.Exchange(ref _spareIndex, null) ?? new PayloadIndex();

    // The same for writing: one buffer and writer kept per serializer, lent to one writer at a time.
    private PayloadBuffer RentBuffer() => Interlocked.Exchange(ref _spareBuffer, null) ?? new PayloadBuffer();

    private void ReturnBuffer(PayloadBuffer buffer)
    {
        if (buffer.IsReusable)
        {
            Volatile.Write(ref _spareBuffer, buffer);
        }
    }

    private void ReturnIndex(PayloadIndex index)
    {
        if (index.Release())
        {
            Volatile.Write(ref _spareIndex, index);
        }
    }

    private static IncidentEvent ReadCurrent(IncidentId incidentId, long version, StoredEventType type, PayloadNode root)
    {
        var actor = Required(root, "actor"u8);
        var metadata = new EventMetadata(
            incidentId,
            version,
            ReadInstant(Required(root, "occurredAt"u8)),
            new Actor(RequiredString(actor, "id"u8), ReadEnum<IncidentRole>(Required(actor, "role"u8))),
            new CommandId(Required(root, "commandId"u8).GetGuid()));
        return type.Read(metadata, root);
    }

    // The type map of the lifecycle's events: one line each, its stable name and how its stored form is read. The
    // stored form is written from the record's source-generated contract (StoredEventContext).
    private static readonly StoredEventType[] LifecycleEvents =
    {
        Event(IncidentOpened.TypeName, (m, r) => new IncidentOpened(
            m,
            RequiredString(r, "customerId"u8),
            RequiredString(r, "accountableOwnerId"u8),
            new PolicyReference(RequiredString(Required(r, "policy"u8), "segmentId"u8), Required(Required(r, "policy"u8), "version"u8).GetInt32()),
            Required(r, "linkedFrom"u8).ValueKind == JsonValueKind.Null ? null : new IncidentId(Required(r, "linkedFrom"u8).GetGuid()))),
        Event(PerspectiveCaptured.TypeName, (m, r) => new PerspectiveCaptured(m, ReadPerspective(Required(r, "perspective"u8)))),
        Event(AnalysisStarted.TypeName, (m, r) => new AnalysisStarted(m)),
        Event(PlanProposed.TypeName, (m, r) => new PlanProposed(m, ReadInstant(Required(r, "targetDate"u8)), ReadDrafts(Required(r, "criteria"u8)))),
        Event(PlanRejected.TypeName, (m, r) => new PlanRejected(m, RequiredString(r, "reason"u8))),
        Event(PlanApproved.TypeName, (m, r) => new PlanApproved(m)),
        Event(ExecutionStarted.TypeName, (m, r) => new ExecutionStarted(m)),
        Event(CriterionMet.TypeName, (m, r) => new CriterionMet(m, RequiredString(r, "criterionId"u8), RequiredString(r, "evidence"u8), RequiredString(r, "verifiedBy"u8))),
        Event(ResolutionProposed.TypeName, (m, r) => new ResolutionProposed(m)),
        Event(ResolutionConfirmed.TypeName, (m, r) => new ResolutionConfirmed(m)),
        Event(ResolutionDisputed.TypeName, (m, r) => new ResolutionDisputed(m, ReadStrings(Required(r, "disputedCriterionIds"u8)), RequiredString(r, "reason"u8))),
        Event(IncidentResolved.TypeName, (m, r) => new IncidentResolved(m)),
        Event(IncidentReturnedToSop.TypeName, (m, r) => new IncidentReturnedToSop(m)),
        Event(ReviewCompleted.TypeName, (m, r) => new ReviewCompleted(m)),
        Event(CommitmentMade.TypeName, (m, r) => new CommitmentMade(m, ReadCommitment(Required(r, "commitment"u8)))),
        Event(CommitmentOffered.TypeName, (m, r) => new CommitmentOffered(m, ReadCommitment(Required(r, "offer"u8)))),
        Event(CommitmentDueRejected.TypeName, (m, r) => new CommitmentDueRejected(m, RequiredString(r, "commitmentId"u8), RequiredString(r, "reason"u8))),
        Event(CommitmentDelivered.TypeName, (m, r) => new CommitmentDelivered(m, RequiredString(r, "commitmentId"u8))),
        Event(CommitmentMissed.TypeName, (m, r) => new CommitmentMissed(m, RequiredString(r, "commitmentId"u8))),
        Event(ConversationRecorded.TypeName, (m, r) => new ConversationRecorded(m, ReadConversation(Required(r, "conversation"u8)))),
        Event(HandoffOffered.TypeName, (m, r) => new HandoffOffered(m, RequiredString(r, "successorId"u8))),
        Event(HandoffAccepted.TypeName, (m, r) => new HandoffAccepted(m, RequiredString(r, "previousOwnerId"u8), RequiredString(r, "newOwnerId"u8))),
        Event(RelatedRecurrenceJoined.TypeName, (m, r) => new RelatedRecurrenceJoined(m, RequiredString(r, "recurrenceReference"u8), ReadDrafts(Required(r, "proposedCriteria"u8)))),
        Event(CriteriaChangeAgreed.TypeName, (m, r) => new CriteriaChangeAgreed(m)),
        Event(CriteriaChangeRejected.TypeName, (m, r) => new CriteriaChangeRejected(m, RequiredString(r, "reason"u8))),
        Event(UnrelatedRecurrenceLinked.TypeName, (m, r) => new UnrelatedRecurrenceLinked(m, RequiredString(r, "recurrenceReference"u8), new IncidentId(Required(r, "newIncidentId"u8).GetGuid()))),
        Event(ServiceLevelsStarted.TypeName, (m, r) => new ServiceLevelsStarted(m, ReadSchedule(Required(r, "firstResponse"u8)), ReadSchedule(Required(r, "firstUpdate"u8)), ReadSchedule(Required(r, "resolution"u8)))),
        Event(CustomerUpdateSent.TypeName, (m, r) => new CustomerUpdateSent(m, ReadStrings(Required(r, "recipients"u8)))),
        Event(UpdateScheduled.TypeName, (m, r) => new UpdateScheduled(m, Required(r, "occurrence"u8).GetInt32(), ReadSchedule(Required(r, "schedule"u8)))),
        Event(ServiceLevelWarningRaised.TypeName, (m, r) => new ServiceLevelWarningRaised(m, ReadEnum<ServiceLevelKind>(Required(r, "kind"u8)), Required(r, "occurrence"u8).GetInt32(), ReadInstant(Required(r, "warningAt"u8)))),
        Event(ServiceLevelBreached.TypeName, (m, r) => new ServiceLevelBreached(m, ReadEnum<ServiceLevelKind>(Required(r, "kind"u8)), Required(r, "occurrence"u8).GetInt32(), ReadInstant(Required(r, "due"u8)))),
    };


    private static CustomerPerspective ReadPerspective(PayloadNode e) => new(
        RequiredString(e, "biggestProblem"u8),
        RequiredString(e, "problemsCaused"u8),
        RequiredString(e, "remedySought"u8),
        ReadDuration(Required(e, "timeAllowed"u8)));

    private static Commitment ReadCommitment(PayloadNode e) => new(RequiredString(e, "id"u8), RequiredString(e, "ownerId"u8), RequiredString(e, "description"u8), ReadInstant(Required(e, "due"u8)))
    {
        Status = ReadEnum<CommitmentStatus>(Required(e, "status"u8)),
    };

    private static ServiceLevelSchedule ReadSchedule(PayloadNode e)
        => new(ReadInstant(Required(e, "countedFrom"u8)), ReadInstant(Required(e, "warningAt"u8)), ReadInstant(Required(e, "due"u8)));

    private static ConversationRecord ReadConversation(PayloadNode e)
    {
        var aside = Required(e, "privateAsideWith"u8);
        return new ConversationRecord(RequiredString(e, "id"u8), ReadStrings(Required(e, "participants"u8)), ReadInstant(Required(e, "at"u8)), aside.ValueKind == JsonValueKind.Null ? null : aside.GetString());
    }

    // The text NodaTime's JSON converter writes for instants (its ExtendedIso pattern), formatted directly into the
    // writer: neither a trip through the serializer nor a string per value (two of the few allocations left per event).
    internal static void WriteInstant(Utf8JsonWriter w, Instant value)
    {
        Span<byte> text = stackalloc byte[30];
        if (TryFormatWrittenInstant(value, text, out var length))
        {
            w.WriteStringValue(text.Slice(0, length));
        }
        else
        {
            w.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
        }
    }

    /// <summary>
    /// Formats an instant of the years 0 to 9999 exactly as <see cref="InstantPattern.ExtendedIso"/> does
    /// (<c>uuuu-MM-ddTHH:mm:ss</c>, the fraction's significant digits after a period when it is not zero, <c>Z</c>);
    /// false for any other year, which the pattern formats.
    /// </summary>
    internal static bool TryFormatWrittenInstant(Instant instant, Span<byte> t, out int length)
    {
        var local = instant.InUtc().LocalDateTime;
        length = 0;
        if (local.Year < 0 || local.Year > 9999 || t.Length < 30)
        {
            return false;
        }

        PutDigits(t, 0, 4, local.Year);
        t[4] = (byte)'-';
        PutDigits(t, 5, 2, local.Month);
        t[7] = (byte)'-';
        PutDigits(t, 8, 2, local.Day);
        t[10] = (byte)'T';
        PutDigits(t, 11, 2, local.Hour);
        t[13] = (byte)':';
        PutDigits(t, 14, 2, local.Minute);
        t[16] = (byte)':';
        PutDigits(t, 17, 2, local.Second);
        length = 19;
        var fraction = local.NanosecondOfSecond;
        if (fraction > 0)
        {
            var digits = 9;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            t[19] = (byte)'.';
            PutDigits(t, 20, digits, fraction);
            length = 20 + digits;
        }

        t[length++] = (byte)'Z';
        return true;
    }

    private static void PutDigits(Span<byte> text, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static Instant ReadInstant(PayloadNode e)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw new JsonException($"An instant is a string, not {e.ValueKind}.");
        }

        return TryParseWrittenInstant(e.Utf8String, out var instant) ? instant : InstantPattern.ExtendedIso.Parse(e.GetString()!).Value;
    }

    private static Duration ReadDuration(PayloadNode e)
    {
        var reader = e.ToReader();
        return JsonSerializer.Deserialize<Duration>(ref reader, NodaOptions);
    }

    /// <summary>Hands a value to a reader that takes a <see cref="JsonElement"/> (the calendars' and blackouts' own JSON readers).</summary>
    private static T WithDocument<T>(PayloadNode e, Func<JsonElement, T> read)
    {
        using var document = e.ToDocument();
        return read(document.RootElement);
    }

    /// <summary>
    /// Parses what <see cref="WriteInstant"/> writes. The exact shape it writes (<c>uuuu-MM-ddTHH:mm:ss</c>, an optional
    /// fraction of one to nine digits after a period, <c>Z</c>) is read directly, since the general pattern parser was
    /// most of what reading an instant cost; any other text, valid or not, goes to the pattern, so both accept and
    /// refuse exactly the same texts.
    /// </summary>
    internal static Instant ParseInstant(string text)
    {
        // The written form is ASCII and at most 30 characters: narrowed to bytes, it shares the payload reader's parser.
        Span<byte> bytes = stackalloc byte[30];
        var ascii = text.Length <= bytes.Length;
        for (var i = 0; ascii && i < text.Length; i++)
        {
            ascii = text[i] < 128;
            bytes[i] = (byte)text[i];
        }

        return ascii && TryParseWrittenInstant(bytes.Slice(0, text.Length), out var instant) ? instant : InstantPattern.ExtendedIso.Parse(text).Value;
    }

    internal static bool TryParseWrittenInstant(ReadOnlySpan<byte> t, out Instant instant)
    {
        instant = default;
        var length = t.Length;
        if (length < 20 || length == 21 || length > 30 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[length - 1] != 'Z')
        {
            return false;
        }

        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second))
        {
            return false;
        }

        var nanoseconds = 0L;
        if (length > 20)
        {
            if (t[19] != '.' || !Digits(t, 20, length - 21, out var fraction))
            {
                return false;
            }

            nanoseconds = fraction;
            for (var i = length - 21; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second) + Duration.FromNanoseconds(nanoseconds);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static IReadOnlyList<string> ReadStrings(PayloadNode e)
        => EquatableList<string>.Wrap(e.ReadArray(s => s.GetString() ?? throw new JsonException("A list holds null.")));

    private static IReadOnlyList<CriterionDraft> ReadDrafts(PayloadNode e)
        => ReadIdsAndDescriptions(e, (id, description) => new CriterionDraft(id, description));

    // Criterion drafts and proposal actions are both stored as [{ "id", "description" }]: one reader keeps the two
    // stored forms from drifting apart.
    private static IReadOnlyList<T> ReadIdsAndDescriptions<T>(PayloadNode e, Func<string, string, T> create)
    {
        var items = new T[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            items[i++] = create(RequiredString(item, "id"u8), RequiredString(item, "description"u8));
        }

        return EquatableList<T>.Wrap(items);
    }

    private static PayloadNode Required(PayloadNode e, ReadOnlySpan<byte> name)
        => e.TryGetProperty(name, out var value) ? value : throw new JsonException($"Property '{NameOf(name)}' is missing.");

    private static string RequiredString(PayloadNode e, ReadOnlySpan<byte> name)
        => Required(e, name).GetString() ?? throw new JsonException($"Property '{NameOf(name)}' is null.");

    private static string NameOf(ReadOnlySpan<byte> utf8Name) => Encoding.UTF8.GetString(utf8Name.ToArray());

    private static T ReadEnum<T>(PayloadNode e)
        where T : struct, Enum
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.Utf8String;
            foreach (var (name, value) in EnumNames<T>.Utf8)
            {
                if (text.SequenceEqual(name))
                {
                    return value;
                }
            }
        }

        throw new JsonException(string.Format(CultureInfo.InvariantCulture, "'{0}' is not a {1}.", e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString(), typeof(T).Name));
    }

    /// <summary>An enum's declared names, exactly as written (no numbers, no combinations, case-sensitive).</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        // A handful of names each: comparing the bytes in turn beats hashing them.
        internal static readonly (byte[] Name, T Value)[] Utf8 = Enum.GetNames(typeof(T)).Select(n => (Encoding.UTF8.GetBytes(n), (T)Enum.Parse(typeof(T), n))).ToArray();
    }

    /// <summary>A stored event type: its stable name, its record, and its reader.</summary>
    private sealed record StoredEventType(string Name, Type Type, Func<EventMetadata, PayloadNode, IncidentEvent> Read);
}
