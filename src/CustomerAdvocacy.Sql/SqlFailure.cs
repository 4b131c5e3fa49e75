using CustomerAdvocacy.Storage;

namespace CustomerAdvocacy.Sql;

/// <summary>What a provider's database error means to the store.</summary>
internal enum SqlFailure
{
    /// <summary>Nothing the store maps: the error propagates as it is.</summary>
    Other,

    /// <summary>The database cannot be used now (down, dropped, locked): <see cref="IncidentStoreUnavailableException"/>.</summary>
    Unavailable,

    /// <summary>The stream's version moved: <see cref="IncidentConcurrencyException"/> with the version read afterwards.</summary>
    Conflict,

    /// <summary>The command id is recorded already: <see cref="DuplicateCommandException"/>.</summary>
    DuplicateCommand,
}
