using System;
using System.Linq;

namespace CustomerAdvocacy.Storage;

/// <summary>The argument checks every <see cref="IIncidentStore.AppendAsync"/> makes before it writes anything.</summary>
public static class IncidentAppendValidator
{
    /// <summary>Checks that an append is well formed: at least one event, contiguous versions of its stream, all from its command.</summary>
    /// <param name="append">The append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="append"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The append is malformed.</exception>
    public static void Validate(IncidentAppend append)
    {
        Preconditions.CheckNotNull(append);
        if (append.Events is null || append.Events.Count == 0)
        {
            throw new ArgumentException("An append carries at least one event.", nameof(append));
        }

        if (append.ExpectedVersion < 0)
        {
            throw new ArgumentException("The expected version is not negative.", nameof(append));
        }

        for (var i = 0; i < append.Events.Count; i++)
        {
            var e = append.Events[i];
            if (e is null || e.IncidentId != append.IncidentId || e.Version != append.ExpectedVersion + i + 1)
            {
                throw new ArgumentException($"Event {i} is not version {append.ExpectedVersion + i + 1} of incident {append.IncidentId}.", nameof(append));
            }
        }

        if (append.Events.Any(e => e.Metadata.CommandId != append.CommandId))
        {
            throw new ArgumentException("Every event of an append comes from its command.", nameof(append));
        }
    }
}
