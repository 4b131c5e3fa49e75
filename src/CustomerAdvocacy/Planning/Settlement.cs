using System;

namespace CustomerAdvocacy.Planning;

/// <summary>The make-whole principle a settlement applies.</summary>
public enum SettlementPrinciple
{
    /// <summary>A verbal agreement we failed to document does not exist: we side with the customer and cover it.</summary>
    SideWithCustomer = 0,

    /// <summary>We followed our process and the customer missed something: the customer bears the cost, with our help.</summary>
    CustomerBearsWithOurHelp = 1,

    /// <summary>Both sides erred: each covers the cost of its own mistake.</summary>
    EachCoversItsOwn = 2,

    /// <summary>Our mistake inflated one invoice line: we cover that line's difference, not the invoice.</summary>
    CoverLineDifference = 3,
}

/// <summary>
/// How a customer is made whole, fairly: who covers what, by which principle, and why. Made by <see cref="Settle"/>.
/// </summary>
public sealed record Settlement
{
    private Settlement(SettlementPrinciple principle, Money providerCovers, Money customerCovers, string? help, string reason)
    {
        Principle = principle;
        ProviderCovers = providerCovers;
        CustomerCovers = customerCovers;
        Help = help;
        Reason = reason;
    }

    /// <summary>The principle applied.</summary>
    public SettlementPrinciple Principle { get; }

    /// <summary>What we (the provider) cover.</summary>
    public Money ProviderCovers { get; }

    /// <summary>What the customer covers.</summary>
    public Money CustomerCovers { get; }

    /// <summary>The help we give beyond money, when the principle includes it; otherwise <see langword="null"/>.</summary>
    public string? Help { get; }

    /// <summary>Why, in a sentence to put in front of the customer.</summary>
    public string Reason { get; }

    /// <summary>
    /// Settles a make-whole case by principle rather than by splitting the blame. Pure and total: every valid
    /// <see cref="SettlementFacts"/> gets exactly one settlement.
    /// </summary>
    /// <param name="facts">Who made which mistake.</param>
    /// <returns>The settlement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public static Settlement Settle(SettlementFacts facts)
    {
        Preconditions.CheckNotNull(facts);
        var zero = Money.Zero(facts.Currency);
        return facts switch
        {
            UndocumentedVerbalAgreement f => new Settlement(
                SettlementPrinciple.SideWithCustomer,
                f.CostToCorrect,
                zero,
                null,
                $"We failed to document the verbal agreement ({f.Agreement}) in writing, so it does not exist: we side with the customer and cover {f.CostToCorrect}."),
            CustomerMissedDespiteOurProcess f => new Settlement(
                SettlementPrinciple.CustomerBearsWithOurHelp,
                zero,
                f.CostToCorrect,
                f.HelpWeOffer,
                $"We followed our process and the customer missed {f.WhatWasMissed}: the customer bears the cost of {f.CostToCorrect} to correct it, with our help: {f.HelpWeOffer}."),
            BothSidesErred f => new Settlement(
                SettlementPrinciple.EachCoversItsOwn,
                f.ProviderCost,
                f.CustomerCost,
                null,
                $"Both sides made mistakes: we cover our cost of {f.ProviderCost} and suggest the customer covers theirs of {f.CustomerCost}."),
            InflatedInvoiceLine f => new Settlement(
                SettlementPrinciple.CoverLineDifference,
                new Money(f.Billed.Amount - f.Correct.Amount, f.Currency),
                zero,
                null,
                $"Our mistake inflated line {f.LineId} of invoice {f.InvoiceId} from {f.Correct} to {f.Billed}: we cover the difference of {new Money(f.Billed.Amount - f.Correct.Amount, f.Currency)} on that line, not the invoice's {f.InvoiceTotal}."),
            _ => throw new ArgumentException($"Unknown kind of facts {facts.GetType().Name}.", nameof(facts)),
        };
    }
}
