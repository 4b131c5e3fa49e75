using System;
using NodaTime;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// A NodaTime clock over a <see cref="TimeProvider"/>. The host edge is the one place that reads real time, and it
/// reads it through the host's <see cref="TimeProvider"/> service, so a test that registers a fake time provider
/// controls the engine's clock and the runner's timers together.
/// </summary>
public sealed class TimeProviderClock : IClock
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a clock.</summary>
    /// <param name="timeProvider">The time source.</param>
    public TimeProviderClock(TimeProvider timeProvider) => _timeProvider = Preconditions.CheckNotNull(timeProvider);

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(_timeProvider.GetUtcNow());
}
