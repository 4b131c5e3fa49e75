using System.Collections.Generic;

namespace CustomerAdvocacy.Kernel;

/// <summary>The command was accepted and produced these events; none when the command id was already applied.</summary>
/// <typeparam name="TEvent">The process's event type.</typeparam>
/// <param name="Events">The events, with contiguous versions after the process's, or none for a repeated command.</param>
internal sealed record ProcessAccepted<TEvent>(IReadOnlyList<TEvent> Events) : ProcessDecision<TEvent>
{
    /// <inheritdoc />
    public override bool IsAccepted => true;

    /// <summary>Whether the command id was applied before, so nothing new is recorded.</summary>
    public bool IsRepeat => Events.Count == 0;
}
