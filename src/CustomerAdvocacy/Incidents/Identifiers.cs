using System;

namespace CustomerAdvocacy.Incidents;

/// <summary>How the library makes fresh identifiers.</summary>
internal static class Identifiers
{
    /// <summary>A fresh GUID for a new identifier.</summary>
    /// <returns>A version 7 GUID on .NET 9 and later; a random (version 4) GUID on older runtimes.</returns>
    internal static Guid NewGuid()
#if NET9_0_OR_GREATER
        => Guid.CreateVersion7();
#else
        => Guid.NewGuid();
#endif
}

/// <summary>Identifies one incident (one event stream).</summary>
/// <param name="Value">The identifier.</param>
public readonly record struct IncidentId(Guid Value)
{
    /// <summary>Creates a new incident id, unique and, in the library's .NET 10 build, ordered by creation time.</summary>
    /// <returns>A fresh id.</returns>
    /// <remarks>
    /// In the library's .NET 10 build the id is a version 7 GUID (RFC 9562): its first 48 bits are the Unix time in
    /// milliseconds and the rest is random, so ids made one after another sort together, in their text form as well
    /// as in PostgreSQL's <c>uuid</c> order. A store's indexes keyed by them then take new rows near their end instead
    /// of on a random page, which keeps each append's writes few and the pages it touches in cache. The time of
    /// creation is readable from the id; an id is no secret. The .NET 8 and .NET Standard 2.0 builds make random
    /// (version 4) ids, since those runtimes have no version 7 generator and the library reads no clock for ids.
    /// Either kind is accepted everywhere; nothing depends on the order.
    /// </remarks>
    public static IncidentId New() => new(Identifiers.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}

/// <summary>
/// Identifies one command as the host issued it. Sending the same command id again returns the recorded outcome
/// and never records its events twice.
/// </summary>
/// <param name="Value">The identifier.</param>
public readonly record struct CommandId(Guid Value)
{
    /// <summary>Creates a new command id, unique and, in the library's .NET 10 build, ordered by creation time.</summary>
    /// <returns>A fresh id.</returns>
    /// <remarks>Made the same way as <see cref="IncidentId.New"/>, and for the same reason: the store's command
    /// records are keyed by it.</remarks>
    public static CommandId New() => new(Identifiers.NewGuid());

    /// <summary>
    /// Derives a second command id from this one, deterministically, for a follow-up command the engine issues on the
    /// host's behalf (for example opening the incident linked by an unrelated recurrence).
    /// </summary>
    /// <param name="salt">Distinguishes follow-ups of the same command.</param>
    /// <returns>The derived id; the same inputs always give the same id.</returns>
    public CommandId Derive(byte salt)
    {
        var bytes = Value.ToByteArray();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = unchecked((byte)((bytes[i] ^ 0x5A ^ salt) + (i * 31)));
        }

        return new CommandId(new Guid(bytes));
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
