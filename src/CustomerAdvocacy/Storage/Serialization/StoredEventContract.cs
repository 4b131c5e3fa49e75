using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerAdvocacy.Storage.Serialization;

/// <summary>
/// Shapes the source-generated contracts of <see cref="StoredEventContext"/> into the stored layout: an event's
/// metadata is written as its envelope (<c>occurredAt</c>, <c>actor</c>, <c>commandId</c>; the store keys on the
/// incident and version), then a process event's own id, then the record's members in declaration order. A value a
/// record derives from its members (a get-only property no constructor takes) is not stored. Instants are written as
/// NodaTime's converter writes them, durations by NodaTime's converter, ids as their Guid.
/// </summary>
internal static class StoredEventContract
{
    /// <summary>The options every event is written with; immutable once built.</summary>
    internal static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(StoredEventContext.Default.Options)
        {
            TypeInfoResolver = StoredEventContext.Default.WithAddedModifier(Shape),
        };
        options.Converters.Insert(0, new WrittenInstantConverter());
        options.Converters.Add(NodaConverters.DurationConverter);
        options.Converters.Add(new GuidIdConverter<IncidentId>(id => id.Value, g => new IncidentId(g)));
        options.Converters.Add(new GuidIdConverter<CommandId>(id => id.Value, g => new CommandId(g)));
        options.Converters.Add(new GuidIdConverter<ChangePlanId>(id => id.Value, g => new ChangePlanId(g)));
        options.Converters.Add(new GuidIdConverter<CommunicationId>(id => id.Value, g => new CommunicationId(g)));
        options.Converters.Add(IncidentEventSerializer.DefinitionConverter);
        options.MakeReadOnly();
        return options;
    }

    private static void Shape(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var taken = new HashSet<string>(info.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name!), StringComparer.OrdinalIgnoreCase);
        var kept = new List<(JsonPropertyInfo Property, bool Inherited)>();
        foreach (var property in info.Properties)
        {
            var member = info.Type.GetProperty(char.ToUpperInvariant(property.Name[0]) + property.Name.Substring(1), BindingFlags.Public | BindingFlags.Instance);
            // Stored: what a constructor takes, and what the type itself lets be set (an init-only member).
            var stored = member is not null && (taken.Contains(member.Name) || (member.SetMethod is not null && member.DeclaringType == info.Type));
            if (stored && !(typeof(IncidentEvent).IsAssignableFrom(info.Type) && member!.DeclaringType == typeof(IncidentEvent)))
            {
                kept.Add((property, member!.DeclaringType != info.Type));
            }
        }

        info.Properties.Clear();
        if (typeof(IncidentEvent).IsAssignableFrom(info.Type))
        {
            info.Properties.Add(Derived<IncidentEvent, Instant>(info, "occurredAt", e => e.Metadata.OccurredAt));
            info.Properties.Add(Derived<IncidentEvent, Actor>(info, "actor", e => e.Metadata.Actor));
            info.Properties.Add(Derived<IncidentEvent, CommandId>(info, "commandId", e => e.Metadata.CommandId));
        }

        // A process event's id is declared on its process's base record and comes first.
        foreach (var (property, _) in kept.Where(k => k.Inherited).Concat(kept.Where(k => !k.Inherited)))
        {
            if (info.Type == typeof(ChangeScheduled) && property.Name == "slot")
            {
                // The slot is stored as its two ends.
                info.Properties.Add(Derived<ChangeScheduled, Instant>(info, "slotStart", e => e.Slot.Start));
                info.Properties.Add(Derived<ChangeScheduled, Instant>(info, "slotEnd", e => e.Slot.End));
                continue;
            }

            info.Properties.Add(property);
        }
    }

    private static JsonPropertyInfo Derived<TOwner, TValue>(JsonTypeInfo info, string name, Func<TOwner, TValue> get)
    {
        var property = info.CreateJsonPropertyInfo(typeof(TValue), name);
        property.Get = owner => get((TOwner)owner);
        return property;
    }

    /// <summary>An id stored as its Guid.</summary>
    private sealed class GuidIdConverter<T> : JsonConverter<T>
    {
        private readonly Func<T, Guid> _value;
        private readonly Func<Guid, T> _create;

        internal GuidIdConverter(Func<T, Guid> value, Func<Guid, T> create)
        {
            _value = value;
            _create = create;
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _create(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_value(value));
    }
}
