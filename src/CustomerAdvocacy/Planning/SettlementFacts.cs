using System;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Who made which mistake, as established by the facts. The kinds are closed: each maps to one make-whole principle
/// (see <see cref="Settlement.Settle"/>).
/// </summary>
public abstract record SettlementFacts
{
    private protected SettlementFacts()
    {
    }

    /// <summary>The currency every amount in these facts is in.</summary>
    public abstract string Currency { get; }

    private protected static string Text(string? value, string paramName)
        => value is null
            ? throw new ArgumentNullException(paramName)
            : value.Trim().Length == 0
                ? throw new ArgumentException("The value must not be empty or white space.", paramName)
                : value;

    private protected static Money Defined(Money amount, string paramName)
        => amount.Currency is null
            ? throw new ArgumentException("The amount has no currency (a default Money is not an amount).", paramName)
            : amount;

    private protected static void SameCurrency(Money expected, Money actual, string paramName)
    {
        _ = Defined(actual, paramName);
        if (actual.Currency != expected.Currency)
        {
            throw new ArgumentException($"The amount is in {actual.Currency}, the others in {expected.Currency}.", paramName);
        }
    }
}

/// <summary>
/// Our team made a verbal agreement important enough to cost money and failed to document it with the customer.
/// </summary>
public sealed record UndocumentedVerbalAgreement : SettlementFacts
{
    /// <summary>Creates the facts.</summary>
    /// <param name="agreement">What was agreed verbally.</param>
    /// <param name="costToCorrect">What correcting the outcome costs.</param>
    /// <exception cref="ArgumentException">A text is empty, or the amount is a default value.</exception>
    public UndocumentedVerbalAgreement(string agreement, Money costToCorrect)
    {
        Agreement = Text(agreement, nameof(agreement));
        CostToCorrect = Defined(costToCorrect, nameof(costToCorrect));
    }

    /// <summary>What was agreed verbally.</summary>
    public string Agreement { get; }

    /// <summary>What correcting the outcome costs.</summary>
    public Money CostToCorrect { get; }

    /// <inheritdoc />
    public override string Currency => CostToCorrect.Currency;
}

/// <summary>We followed our documented process correctly and the customer missed something.</summary>
public sealed record CustomerMissedDespiteOurProcess : SettlementFacts
{
    /// <summary>Creates the facts.</summary>
    /// <param name="whatWasMissed">What the customer missed.</param>
    /// <param name="costToCorrect">What correcting it costs.</param>
    /// <param name="helpWeOffer">The help we give the customer to correct it (people, time, guidance).</param>
    /// <exception cref="ArgumentException">A text is empty, or the amount is a default value.</exception>
    public CustomerMissedDespiteOurProcess(string whatWasMissed, Money costToCorrect, string helpWeOffer)
    {
        WhatWasMissed = Text(whatWasMissed, nameof(whatWasMissed));
        CostToCorrect = Defined(costToCorrect, nameof(costToCorrect));
        HelpWeOffer = Text(helpWeOffer, nameof(helpWeOffer));
    }

    /// <summary>What the customer missed.</summary>
    public string WhatWasMissed { get; }

    /// <summary>What correcting it costs.</summary>
    public Money CostToCorrect { get; }

    /// <summary>The help we give the customer to correct it.</summary>
    public string HelpWeOffer { get; }

    /// <inheritdoc />
    public override string Currency => CostToCorrect.Currency;
}

/// <summary>Both sides made mistakes; each mistake has its own cost to correct.</summary>
public sealed record BothSidesErred : SettlementFacts
{
    /// <summary>Creates the facts.</summary>
    /// <param name="providerCost">What correcting our mistake costs.</param>
    /// <param name="customerCost">What correcting the customer's mistake costs.</param>
    /// <exception cref="ArgumentException">The amounts are in different currencies, or one is a default value.</exception>
    public BothSidesErred(Money providerCost, Money customerCost)
    {
        _ = Defined(providerCost, nameof(providerCost));
        SameCurrency(providerCost, customerCost, nameof(customerCost));
        ProviderCost = providerCost;
        CustomerCost = customerCost;
    }

    /// <summary>What correcting our mistake costs.</summary>
    public Money ProviderCost { get; }

    /// <summary>What correcting the customer's mistake costs.</summary>
    public Money CustomerCost { get; }

    /// <inheritdoc />
    public override string Currency => ProviderCost.Currency;
}

/// <summary>Our mistake made one line of an invoice larger than it should have been.</summary>
public sealed record InflatedInvoiceLine : SettlementFacts
{
    /// <summary>Creates the facts.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="lineId">The line on it.</param>
    /// <param name="billed">What the line billed.</param>
    /// <param name="correct">What the line should have billed; less than <paramref name="billed"/>.</param>
    /// <param name="invoiceTotal">The invoice's total; at least <paramref name="billed"/>.</param>
    /// <exception cref="ArgumentException">A text is empty, the amounts differ in currency, the line is not inflated
    /// (<paramref name="correct"/> is not less than <paramref name="billed"/>) or the total is less than the line.</exception>
    public InflatedInvoiceLine(string invoiceId, string lineId, Money billed, Money correct, Money invoiceTotal)
    {
        InvoiceId = Text(invoiceId, nameof(invoiceId));
        LineId = Text(lineId, nameof(lineId));
        _ = Defined(billed, nameof(billed));
        SameCurrency(billed, correct, nameof(correct));
        SameCurrency(billed, invoiceTotal, nameof(invoiceTotal));
        if (correct.Amount >= billed.Amount)
        {
            throw new ArgumentException($"The line is not inflated: it billed {billed} and should have billed {correct}.", nameof(correct));
        }

        if (invoiceTotal.Amount < billed.Amount)
        {
            throw new ArgumentException($"The invoice total {invoiceTotal} is less than its line {billed}.", nameof(invoiceTotal));
        }

        Billed = billed;
        Correct = correct;
        InvoiceTotal = invoiceTotal;
    }

    /// <summary>The invoice.</summary>
    public string InvoiceId { get; }

    /// <summary>The line on it.</summary>
    public string LineId { get; }

    /// <summary>What the line billed.</summary>
    public Money Billed { get; }

    /// <summary>What the line should have billed.</summary>
    public Money Correct { get; }

    /// <summary>The invoice's total, which is not refunded.</summary>
    public Money InvoiceTotal { get; }

    /// <inheritdoc />
    public override string Currency => Billed.Currency;
}
