using System;

namespace CustomerAdvocacy.Kernel;

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
