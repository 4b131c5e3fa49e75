namespace CustomerAdvocacy.Kernel;

/// <summary>The role in which an actor issues a command. What each role may do is in <see cref="Incidents.AuthorizationTable"/>.</summary>
public enum IncidentRole
{
    /// <summary>The customer's daily contact for the incident, below the power line.</summary>
    CustomerContact = 0,

    /// <summary>The customer's business manager responsible for the outcome, above the power line.</summary>
    CustomerBusinessManager = 1,

    /// <summary>The provider's single point of accountability for the incident; exactly one at any time.</summary>
    AccountableOwner = 2,

    /// <summary>A provider engineer working on the incident.</summary>
    Engineer = 3,

    /// <summary>Provider service management.</summary>
    ServiceManager = 4,

    /// <summary>Provider senior management.</summary>
    SeniorManager = 5,

    /// <summary>A provider executive.</summary>
    Executive = 6,

    /// <summary>A third party (vendor, partner) that records its tasks but closes nothing.</summary>
    ThirdParty = 7,
}
