using NodaTime;

namespace CustomerAdvocacy.Kernel;

/// <summary>A clock that always reads the instant a decision is made at, for scheduling helpers that take a clock.</summary>
internal sealed class FrozenClock : IClock
{
    private readonly Instant _now;

    internal FrozenClock(Instant now) => _now = now;

    public Instant GetCurrentInstant() => _now;
}
