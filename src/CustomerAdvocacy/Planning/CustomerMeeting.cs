using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>Someone invited to a customer meeting, in a role.</summary>
/// <param name="PersonId">The host's opaque identifier for the person.</param>
/// <param name="Role">The role they attend in.</param>
public sealed record MeetingParticipant(string PersonId, IncidentRole Role)
{
    /// <summary>Whether the participant must attend the dry run: everyone on our side, and third parties.</summary>
    public bool IsInternal => !Role.IsCustomer();

    /// <summary>Whether the participant is senior management or an executive.</summary>
    public bool IsSeniorManagement => Role is IncidentRole.SeniorManager or IncidentRole.Executive;
}

/// <summary>A customer meeting: who is invited, whether its dry run was held, and whether it was held.</summary>
/// <param name="Id">Identifies the meeting within the analysis.</param>
/// <param name="Participants">Who is invited.</param>
/// <param name="DryRunAttendees">Who attended the dry run (person ids), empty before it.</param>
/// <param name="Held">Whether the meeting was held.</param>
public sealed record CustomerMeeting(string Id, IReadOnlyList<MeetingParticipant> Participants, IReadOnlyList<string> DryRunAttendees, bool Held)
{
    /// <summary>Whether a dry run was recorded.</summary>
    public bool DryRunHeld => DryRunAttendees.Count > 0;

    /// <summary>The internal participants (ours and third parties) who did not attend the dry run.</summary>
    public IEnumerable<MeetingParticipant> MissingFromDryRun
        => Participants.Where(p => p.IsInternal && !DryRunAttendees.Contains(p.PersonId, System.StringComparer.Ordinal));
}
