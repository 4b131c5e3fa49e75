using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerAdvocacy.Kernel;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerAdvocacy.Orleans.Wire;

/// <summary>
/// Carries incident commands across the grain boundary as System.Text.Json restricted to the command types of the core
/// assembly, with NodaTime's converters and enums by name. The command types live in core and carry no Orleans
/// attributes; both ends of a call run the same assembly, and every concrete <see cref="IncidentCommand"/> is found by
/// reflection, so a command added to core crosses the wire without a change here (a test round-trips every one) unless
/// its payload is a value the reflection cannot rebuild: those have a converter in <see cref="PayloadConverters"/>.
/// </summary>
internal static class IncidentCommandCodec
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly Dictionary<string, Type> TypesByName = typeof(IncidentCommand).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IncidentCommand).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every command type the codec carries, by wire name.</summary>
    internal static IReadOnlyDictionary<string, Type> CommandTypes => TypesByName;

    internal static WireCommand Encode(IncidentCommand command)
    {
        Preconditions.CheckNotNull(command);
        var type = command.GetType();
        if (!TypesByName.TryGetValue(type.Name, out var known) || known != type)
        {
            throw new ArgumentException($"Command type '{type.FullName}' is not an incident command of the core assembly.", nameof(command));
        }

        return new WireCommand(type.Name, JsonSerializer.Serialize(command, type, Options));
    }

    internal static IncidentCommand Decode(WireCommand wire)
    {
        Preconditions.CheckNotNull(wire);
        if (wire.Type is null || !TypesByName.TryGetValue(wire.Type, out var type))
        {
            throw new ArgumentException($"No incident command type '{wire.Type}' is known.", nameof(wire));
        }

        try
        {
            return (IncidentCommand?)JsonSerializer.Deserialize(wire.Json, type, Options)
                ?? throw new ArgumentException($"The '{wire.Type}' command is null.", nameof(wire));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The '{wire.Type}' command is malformed: {ex.Message}", nameof(wire), ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        foreach (var converter in PayloadConverters.All)
        {
            options.Converters.Add(converter);
        }

        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }
}
