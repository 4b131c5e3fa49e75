using System;

namespace CustomerAdvocacy.Kernel;

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
