using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>The stable names of the communication rules a <see cref="RuleBroken"/> rejection can name.</summary>
public static class CommunicationRules
{
    /// <summary>A required text (title, audience, release conversation, withdrawal reason) is missing.</summary>
    public const string TextRequired = "communication.text-required";

    /// <summary>A communication is released by someone other than whoever produced it.</summary>
    public const string ReviewedByAnother = "communication.reviewed-by-another";
}
