namespace CustomerAdvocacy.Incidents;

/// <summary>Where an incident is in its lifecycle.</summary>
public enum IncidentState
{
    /// <summary>No event yet: the stream does not exist.</summary>
    NotOpened = 0,

    /// <summary>The incident has been opened and has an accountable owner.</summary>
    Opened = 1,

    /// <summary>The customer's perspective (biggest problem, problems caused, remedy sought, time allowed) is captured.</summary>
    Engaged = 2,

    /// <summary>Facts and scenarios are being established.</summary>
    Analyzing = 3,

    /// <summary>A get-well plan with resolution criteria awaits the customer's approval.</summary>
    PlanProposed = 4,

    /// <summary>The customer approved the plan: its criteria are agreed.</summary>
    PlanApproved = 5,

    /// <summary>The get-well plan runs.</summary>
    Executing = 6,

    /// <summary>Every criterion is met; the customer is asked to confirm.</summary>
    ResolutionProposed = 7,

    /// <summary>Closed against the agreed criteria with the customer's confirmation.</summary>
    Resolved = 8,

    /// <summary>The customer is back on standard operating procedure.</summary>
    ReturnedToSop = 9,

    /// <summary>The internal management review is complete.</summary>
    Reviewed = 10,

    /// <summary>
    /// Superstate, never the state of an incident: every state with an accountable owner who may hand the incident
    /// off (every open state, <see cref="Resolved"/> and <see cref="ReturnedToSop"/>).
    /// </summary>
    Owned = 100,

    /// <summary>
    /// Superstate, never the state of an incident: every open state, from <see cref="Opened"/> to
    /// <see cref="ResolutionProposed"/>, where conversations, customer updates and service levels are recorded.
    /// </summary>
    Open = 101,

    /// <summary>
    /// Superstate, never the state of an incident: the open states after the customer's perspective is captured
    /// (<see cref="Engaged"/> to <see cref="ResolutionProposed"/>), where commitments are made, offered and kept.
    /// </summary>
    Promising = 102,
}
