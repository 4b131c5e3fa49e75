using System;
using System.Globalization;

namespace CustomerAdvocacy.Planning;

/// <summary>An amount of money in one currency. Amounts in a settlement are never negative.</summary>
public readonly record struct Money
{
    /// <summary>Creates an amount.</summary>
    /// <param name="amount">The amount; zero or more.</param>
    /// <param name="currency">The ISO 4217 code, three upper-case letters, for example <c>USD</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three upper-case letters.</exception>
    public Money(decimal amount, string currency)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount must not be negative.");
        }

        Preconditions.CheckNotNull(currency);
        if (currency.Length != 3 || currency[0] is < 'A' or > 'Z' || currency[1] is < 'A' or > 'Z' || currency[2] is < 'A' or > 'Z')
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 code (three upper-case letters).", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount; zero or more.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code.</summary>
    public string Currency { get; }

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>Zero.</returns>
    public static Money Zero(string currency) => new(0m, currency);

    /// <inheritdoc />
    public override string ToString() => Amount.ToString("0.00##", CultureInfo.InvariantCulture) + " " + Currency;
}
