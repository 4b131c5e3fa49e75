using System.Collections.Generic;

namespace CustomerAdvocacy.Kernel;

/// <summary>The command was accepted and produced these events (at least one).</summary>
/// <param name="Events">The events, with contiguous versions after the incident's.</param>
public sealed record Accepted(IReadOnlyList<IncidentEvent> Events) : Decision
{
    /// <inheritdoc />
    public override bool IsAccepted => true;
}
