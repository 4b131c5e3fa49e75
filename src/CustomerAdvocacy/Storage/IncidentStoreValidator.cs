using System;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// The argument checks that <see cref="IIncidentStore"/> and <see cref="IDueIncidentIndex"/> methods make before they
/// touch storage, so that every adapter refuses the same input with the same error (appends are checked by
/// <see cref="IncidentAppendValidator"/>, snapshots by <see cref="IncidentSnapshotValidator"/>).
/// </summary>
public static class IncidentStoreValidator
{
    /// <summary>Checks the first version a <see cref="IIncidentStore.ReadStreamAsync"/> asks for.</summary>
    /// <param name="fromVersion">The first version to read.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromVersion"/> is less than 1.</exception>
    public static void ValidateFromVersion(long fromVersion)
    {
        if (fromVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fromVersion), fromVersion, "Versions start at 1.");
        }
    }

    /// <summary>Checks the most incidents a <see cref="IDueIncidentIndex.FindDueAsync"/> returns.</summary>
    /// <param name="limit">The most incidents to return.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public static void ValidateDueLimit(int limit)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit is at least 1.");
        }
    }

    /// <summary>Checks a record given to <see cref="IIncidentStore.RecordRejectionAsync"/>.</summary>
    /// <param name="record">The command's record.</param>
    /// <returns>The record's rejection, for the store to write.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The record carries no rejection.</exception>
    public static Rejection ValidateRejection(CommandRecord record)
    {
        Preconditions.CheckNotNull(record);
        return record.Rejection ?? throw new ArgumentException("A rejection record carries its rejection.", nameof(record));
    }
}
