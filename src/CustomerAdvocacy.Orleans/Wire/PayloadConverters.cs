using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Orleans.Wire;

/// <summary>
/// Converters for the command payloads the reflection-based JSON cannot read back: value types whose constructors take
/// sequences under other names than their list properties, that expose computed members, that are structs with get-only
/// members, or that only a builder makes.
/// Each writes exactly the data members and reads them back through the type's public constructor or builder, so the
/// type's own validation runs on the receiving side too.
/// </summary>
internal static class PayloadConverters
{
    /// <summary>Every payload converter the codec registers.</summary>
    internal static IEnumerable<JsonConverter> All { get; } = new JsonConverter[]
    {
        new ScenarioConverter(), new SituationSummaryConverter(), new ProposalConverter(), new MitigationRoiCaseConverter(),
        new TrialLengthConverter(), new ChangePlanDefinitionConverter(),
    };

    private static JsonElement Required(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new JsonException($"The property '{name}' is missing.");

    private static string RequiredString(JsonElement element, string name)
        => Required(element, name).GetString() ?? throw new JsonException($"The property '{name}' is missing.");

    private static T Read<T>(JsonElement element, string name, JsonSerializerOptions options)
        => Required(element, name).Deserialize<T>(options) ?? throw new JsonException($"The property '{name}' is missing.");

    private static void WriteMember<T>(Utf8JsonWriter writer, string name, T value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, options);
    }

    /// <summary>Reads a whole JSON object and maps it; a constructor's <see cref="ArgumentException"/> stays as it is.</summary>
    private abstract class ObjectConverter<T> : JsonConverter<T>
        where T : class
    {
        public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"A {typeof(T).Name} is a JSON object.");
            }

            return Read(document.RootElement, options);
        }

        public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            WriteMembers(writer, value, options);
            writer.WriteEndObject();
        }

        protected abstract T Read(JsonElement element, JsonSerializerOptions options);

        protected abstract void WriteMembers(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
    }

    private sealed class ScenarioConverter : ObjectConverter<Scenario>
    {
        protected override Scenario Read(JsonElement element, JsonSerializerOptions options) => new(
            RequiredString(element, "id"),
            RequiredString(element, "description"),
            Required(element, "expectations").EnumerateArray().Select(e => new Expectation(RequiredString(e, "observation"), Required(e, "holds").GetBoolean())).ToArray());

        protected override void WriteMembers(Utf8JsonWriter writer, Scenario value, JsonSerializerOptions options)
        {
            writer.WriteString("id", value.Id);
            writer.WriteString("description", value.Description);
            writer.WriteStartArray("expectations");
            foreach (var expectation in value.Expectations)
            {
                writer.WriteStartObject();
                writer.WriteString("observation", expectation.Observation);
                writer.WriteBoolean("holds", expectation.Holds);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private sealed class SituationSummaryConverter : ObjectConverter<SituationSummary>
    {
        protected override SituationSummary Read(JsonElement element, JsonSerializerOptions options)
            => new(Read<ChronologyEntry[]>(element, "chronology", options), Read<ContributingFactor[]>(element, "factors", options));

        protected override void WriteMembers(Utf8JsonWriter writer, SituationSummary value, JsonSerializerOptions options)
        {
            WriteMember(writer, "chronology", value.Chronology, options);
            WriteMember(writer, "factors", value.Factors, options);
        }
    }

    private sealed class ProposalConverter : ObjectConverter<Proposal>
    {
        protected override Proposal Read(JsonElement element, JsonSerializerOptions options) => new(
            Read<string[]>(element, "factIds", options),
            Read<string[]>(element, "conclusions", options),
            Read<ProposalAction[]>(element, "immediateResolution", options),
            Read<ProposalAction[]>(element, "prevention", options));

        protected override void WriteMembers(Utf8JsonWriter writer, Proposal value, JsonSerializerOptions options)
        {
            WriteMember(writer, "factIds", value.FactIds, options);
            WriteMember(writer, "conclusions", value.Conclusions, options);
            WriteMember(writer, "immediateResolution", value.ImmediateResolution, options);
            WriteMember(writer, "prevention", value.Prevention, options);
        }
    }

    private sealed class MitigationRoiCaseConverter : ObjectConverter<MitigationRoiCase>
    {
        protected override MitigationRoiCase Read(JsonElement element, JsonSerializerOptions options) => new(
            RequiredString(element, "customerSatisfaction"),
            RequiredString(element, "employeeMorale"),
            RequiredString(element, "image"),
            Required(element, "revenueLost").GetDecimal(),
            Required(element, "lostOpportunity").GetDecimal(),
            Required(element, "serviceCost").GetDecimal(),
            RequiredString(element, "currency"));

        protected override void WriteMembers(Utf8JsonWriter writer, MitigationRoiCase value, JsonSerializerOptions options)
        {
            writer.WriteString("customerSatisfaction", value.CustomerSatisfaction);
            writer.WriteString("employeeMorale", value.EmployeeMorale);
            writer.WriteString("image", value.Image);
            writer.WriteNumber("revenueLost", value.RevenueLost);
            writer.WriteNumber("lostOpportunity", value.LostOpportunity);
            writer.WriteNumber("serviceCost", value.ServiceCost);
            writer.WriteString("currency", value.Currency);
        }
    }

    /// <summary>
    /// A struct's implicit parameterless constructor wins over its own with System.Text.Json, which then skips the
    /// get-only members: without this a trial would arrive zero days long.
    /// </summary>
    private sealed class TrialLengthConverter : JsonConverter<TrialLength>
    {
        public override TrialLength Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var element = document.RootElement;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("A TrialLength is a JSON object.");
            }

            return new TrialLength(Required(element, "days").GetInt32(), Read<TrialDayKind>(element, "kind", options));
        }

        public override void Write(Utf8JsonWriter writer, TrialLength value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("days", value.Days);
            WriteMember(writer, "kind", value.Kind, options);
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// A change plan's definition is rebuilt through <see cref="ChangePlanBuilder"/>: its constructor is the core's own,
    /// and a definition that left a builder passes the builder again, so nothing is lost and nothing unchecked arrives.
    /// </summary>
    private sealed class ChangePlanDefinitionConverter : ObjectConverter<ChangePlanDefinition>
    {
        protected override ChangePlanDefinition Read(JsonElement element, JsonSerializerOptions options)
        {
            var builder = new ChangePlanBuilder(new ChangePlanId(Required(element, "id").GetGuid()), RequiredString(element, "title"), Read<ChangePlanSize>(element, "size", options))
                .WithReasons(RequiredString(element, "businessReason"), RequiredString(element, "technicalReason"))
                .WithSchedulingConstraints(BusinessCalendarJson.Load(Required(element, "changeWindows")), BlackoutSetJson.Load(Required(element, "blackouts")), Read<Duration>(element, "expectedLength", options))
                .WithAccountableOwner(RequiredString(element, "accountableOwnerId"))
                .WithBackOutPlan(RequiredString(element, "backOutPlan"));
            foreach (var risk in Read<string[]>(element, "risks", options))
            {
                builder.AddRisk(risk);
            }

            foreach (var assumption in Read<string[]>(element, "assumptions", options))
            {
                builder.AddAssumption(assumption);
            }

            foreach (var party in Read<ChangeParty[]>(element, "parties", options))
            {
                builder.AddParty(party.Kind, party.Name, party.Primary, party.Backup);
            }

            foreach (var task in Read<ChangeTask[]>(element, "tasks", options))
            {
                builder.AddTask(task.Id, task.Description, task.OwnerId, task.StartOffset, task.Length);
            }

            if (element.TryGetProperty("pointOfNoReturn", out var pointOfNoReturn) && pointOfNoReturn.ValueKind != JsonValueKind.Null)
            {
                builder.WithPointOfNoReturn(pointOfNoReturn.GetString()!);
            }

            foreach (var step in Read<string[]>(element, "validationSteps", options))
            {
                builder.AddValidationStep(step);
            }

            try
            {
                return builder.Build();
            }
            catch (DefinitionValidationException ex)
            {
                throw new JsonException($"The change plan '{builder.Id}' is not valid: {ex.Message}", ex);
            }
        }

        protected override void WriteMembers(Utf8JsonWriter writer, ChangePlanDefinition value, JsonSerializerOptions options)
        {
            writer.WriteString("id", value.Id.Value);
            writer.WriteString("title", value.Title);
            WriteMember(writer, "size", value.Size, options);
            writer.WriteString("businessReason", value.BusinessReason);
            writer.WriteString("technicalReason", value.TechnicalReason);
            WriteMember(writer, "risks", value.Risks, options);
            WriteMember(writer, "assumptions", value.Assumptions, options);
            writer.WritePropertyName("changeWindows");
            BusinessCalendarJson.Write(writer, value.SchedulingConstraints.Allowed);
            writer.WritePropertyName("blackouts");
            BlackoutSetJson.Write(writer, value.SchedulingConstraints.Blackouts);
            WriteMember(writer, "expectedLength", value.ExpectedLength, options);
            writer.WriteString("accountableOwnerId", value.AccountableOwnerId);
            WriteMember(writer, "parties", value.Parties, options);
            WriteMember(writer, "tasks", value.Tasks, options);
            writer.WriteString("pointOfNoReturn", value.PointOfNoReturn);
            writer.WriteString("backOutPlan", value.BackOutPlan);
            WriteMember(writer, "validationSteps", value.ValidationSteps, options);
        }
    }
}
