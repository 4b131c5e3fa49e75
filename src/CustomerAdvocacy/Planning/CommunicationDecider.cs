using System;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Decides communication commands: results meant for the customer reach them only through the account team, after
/// internal review, never straight from whoever produced them (the "swirl factor"). Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>Who may do what: anyone on the provider's side or a third party drafts; the producer or the account team
/// submits for review and withdraws; only the account team releases, and not the person who produced the result. The
/// account team is the roles <see cref="IncidentRole.AccountableOwner"/> and <see cref="IncidentRole.ServiceManager"/>:
/// the single point of accountability and the service manager who orchestrates the account's communications. The
/// customer roles issue none of these commands.</para>
/// <para>Checks run in the engine's order: the command id (a repeat is accepted with no new events), the expected
/// version, the role, the machine (a release is permitted only from internal review), then the rules.</para>
/// </remarks>
internal sealed class CommunicationDecider
{
    /// <summary>Whether a role is on the account team, which alone releases results to the customer.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for the accountable owner and the service manager.</returns>
    public static bool IsAccountTeam(IncidentRole role) => role is IncidentRole.AccountableOwner or IncidentRole.ServiceManager;

    /// <summary>Decides a command against a communication.</summary>
    /// <param name="communication">Its current state.</param>
    /// <param name="command">The command; it must be for this communication.</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns>Accepted with the events to record, or rejected.</returns>
    /// <exception cref="ArgumentException">The command is for another communication.</exception>
    public ProcessDecision<CommunicationEvent> Decide(Communication communication, CommunicationCommand command, Instant now)
    {
        Preconditions.CheckNotNull(communication);
        Preconditions.CheckNotNull(command);
        if (command.CommunicationId != communication.Id)
        {
            throw new ArgumentException($"Command for {command.CommunicationId} decided against {communication.Id}.", nameof(command));
        }

        if (communication.HasApplied(command.CommandId))
        {
            return new ProcessAccepted<CommunicationEvent>(Array.Empty<CommunicationEvent>());
        }

        if (command.ExpectedVersion is { } expected && expected != communication.Version)
        {
            return new ProcessRejected<CommunicationEvent>(new StaleVersion(expected, communication.Version));
        }

        if (Authorize(communication, command) is { } refused)
        {
            return new ProcessRejected<CommunicationEvent>(refused);
        }

        if (!CommunicationMachine.Definition.CanFire(communication.State, command.CommunicationTrigger))
        {
            return new ProcessRejected<CommunicationEvent>(new NotPermittedInState<CommunicationState, CommunicationTrigger>(communication.State, command.CommunicationTrigger));
        }

        var meta = new EventMetadata(command.IncidentId, communication.Version + 1, now, command.Actor, command.CommandId);
        switch (command)
        {
            case DraftCommunication c:
                var recipients = (c.CustomerRecipientIds ?? Array.Empty<string>()).ToArray();
                if (Blank(c.Title) || recipients.Length == 0 || recipients.Any(Blank))
                {
                    return Broken(CommunicationRules.TextRequired, "A draft needs a title and the customer's people it is meant for.");
                }

                return Accept(new CommunicationDrafted(meta, communication.Id, c.Kind, c.Title, EquatableList<string>.From(recipients)));

            case SubmitCommunicationForReview:
                return Accept(new CommunicationSubmittedForReview(meta, communication.Id));

            case ReleaseCommunication c:
                if (c.Actor.Id == communication.ProducerId)
                {
                    return Broken(CommunicationRules.ReviewedByAnother, "A result is released by an account-team member other than the one who produced it.");
                }

                if (Blank(c.ConversationId))
                {
                    return Broken(CommunicationRules.TextRequired, "A release is recorded as a conversation with an id.");
                }

                var participants = new[] { communication.ProducerId!, communication.SubmitterId!, c.Actor.Id }
                    .Concat(communication.CustomerRecipientIds)
                    .Concat((c.OtherParticipants ?? Array.Empty<string>()).Where(p => !Blank(p)))
                    .Distinct(StringComparer.Ordinal);
                return Accept(new CommunicationReleased(meta, communication.Id, new ConversationRecord(c.ConversationId, participants, now, null)));

            case WithdrawCommunication c:
                return Blank(c.Reason)
                    ? Broken(CommunicationRules.TextRequired, "Say why the result is withdrawn.")
                    : Accept(new CommunicationWithdrawn(meta, communication.Id, c.Reason));

            default:
                throw new ArgumentException($"Unknown communication command {command.GetType().Name}.", nameof(command));
        }
    }

    private static NotAuthorized<CommunicationTrigger>? Authorize(Communication communication, CommunicationCommand command)
    {
        var role = command.Actor.Role;
        var trigger = command.CommunicationTrigger;
        if (role.IsCustomer())
        {
            return new NotAuthorized<CommunicationTrigger>(role, trigger, "The customer receives results; it does not draft, review or release them.");
        }

        var isProducer = command.Actor.Id == communication.ProducerId;
        return trigger switch
        {
            CommunicationTrigger.Draft => null,
            CommunicationTrigger.Release when !IsAccountTeam(role) => new NotAuthorized<CommunicationTrigger>(
                role, trigger, "Only the account team (accountable owner or service manager) releases results to the customer, after internal review."),
            CommunicationTrigger.Release => null,
            _ when isProducer || IsAccountTeam(role) => null,
            _ => new NotAuthorized<CommunicationTrigger>(role, trigger, "Only the producer or the account team moves a draft."),
        };
    }

    private static ProcessAccepted<CommunicationEvent> Accept(CommunicationEvent e) => new(new[] { e });

    private static ProcessRejected<CommunicationEvent> Broken(string rule, string detail) => new(new RuleBroken(rule, detail));

    private static bool Blank(string? text) => text is null || text.Trim().Length == 0;
}
