using System.Collections.Generic;

namespace CustomerAdvocacy.Engine;

/// <summary>
/// Settings of an <see cref="IncidentEngine"/>. Mutable for configuration binding; the engine validates them once,
/// when it is created, and keeps its own copy of the values.
/// </summary>
public sealed class IncidentEngineOptions
{
    /// <summary>The default of <see cref="MaxConflictAttempts"/>.</summary>
    public const int DefaultMaxConflictAttempts = 4;

    /// <summary>The largest allowed <see cref="MaxConflictAttempts"/>.</summary>
    public const int MaximumConflictAttempts = 100;

    /// <summary>The largest allowed <see cref="SnapshotInterval"/>.</summary>
    public const int MaximumSnapshotInterval = 1_000_000;

    /// <summary>
    /// How many times a command is loaded, decided and appended while other writers keep appending to the same
    /// incident first (an optimistic-concurrency conflict). When the last attempt conflicts too, the engine throws the
    /// store's <see cref="Storage.IncidentConcurrencyException"/> and the incident is unchanged by the command.
    /// From 1 (no retry) to <see cref="MaximumConflictAttempts"/>; <see cref="DefaultMaxConflictAttempts"/> by default.
    /// </summary>
    public int MaxConflictAttempts { get; set; } = DefaultMaxConflictAttempts;

    /// <summary>
    /// Events between snapshots (<see cref="Storage.SnapshotPolicy.EveryEvents"/>): after an accepted command whose
    /// append crosses a multiple of it, the engine writes the incident's state to a store that keeps snapshots
    /// (<see cref="Storage.IIncidentSnapshotStore"/>), and loads read the latest snapshot plus the events after it.
    /// 0 (the default) writes and reads none. From 0 to <see cref="MaximumSnapshotInterval"/>.
    /// </summary>
    public int SnapshotInterval { get; set; }

    /// <summary>Lists every problem of these settings.</summary>
    /// <returns>The problems; empty when the settings are valid.</returns>
    public IReadOnlyList<ValidationProblem> Validate()
    {
        var problems = new List<ValidationProblem>();
        if (MaxConflictAttempts < 1 || MaxConflictAttempts > MaximumConflictAttempts)
        {
            problems.Add(new ValidationProblem(nameof(MaxConflictAttempts), $"The number of attempts must be between 1 and {MaximumConflictAttempts}; it is {MaxConflictAttempts}."));
        }

        if (SnapshotInterval < 0 || SnapshotInterval > MaximumSnapshotInterval)
        {
            problems.Add(new ValidationProblem(nameof(SnapshotInterval), $"The snapshot interval must be between 0 (no snapshots) and {MaximumSnapshotInterval} events; it is {SnapshotInterval}."));
        }

        return problems;
    }

    /// <summary>Throws when the settings are invalid.</summary>
    /// <exception cref="DefinitionValidationException">The settings are invalid; every problem is listed.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new DefinitionValidationException("incident engine options", problems);
        }
    }
}
