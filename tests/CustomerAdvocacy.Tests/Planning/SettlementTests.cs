using System;
using CustomerAdvocacy.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class SettlementTests
{
    private static Money Usd(decimal amount) => new(amount, "USD");

    [Fact]
    public void Settle_UndocumentedVerbalAgreement_ProviderCoversAllAndSidesWithCustomer()
    {
        var settlement = Settlement.Settle(new UndocumentedVerbalAgreement("free rush delivery", Usd(1200m)));
        Assert.Equal(SettlementPrinciple.SideWithCustomer, settlement.Principle);
        Assert.Equal(Usd(1200m), settlement.ProviderCovers);
        Assert.Equal(Usd(0m), settlement.CustomerCovers);
        Assert.Null(settlement.Help);
        Assert.Contains("free rush delivery", settlement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Settle_CustomerMissedDespiteOurProcess_CustomerBearsItWithTheHelpStated()
    {
        var settlement = Settlement.Settle(new CustomerMissedDespiteOurProcess("the proof sign-off", Usd(800m), "our prepress engineer re-runs the job with them"));
        Assert.Equal(SettlementPrinciple.CustomerBearsWithOurHelp, settlement.Principle);
        Assert.Equal(Usd(0m), settlement.ProviderCovers);
        Assert.Equal(Usd(800m), settlement.CustomerCovers);
        Assert.Equal("our prepress engineer re-runs the job with them", settlement.Help);
        Assert.Contains(settlement.Help!, settlement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Settle_BothSidesErred_EachCoversItsOwn()
    {
        var settlement = Settlement.Settle(new BothSidesErred(Usd(300m), Usd(450m)));
        Assert.Equal(SettlementPrinciple.EachCoversItsOwn, settlement.Principle);
        Assert.Equal(Usd(300m), settlement.ProviderCovers);
        Assert.Equal(Usd(450m), settlement.CustomerCovers);
    }

    [Fact]
    public void Settle_InflatedInvoiceLine_CoversTheLineDifferenceNotTheInvoice()
    {
        var settlement = Settlement.Settle(new InflatedInvoiceLine("INV-1042", "line 3", Usd(5000m), Usd(3500m), Usd(20000m)));
        Assert.Equal(SettlementPrinciple.CoverLineDifference, settlement.Principle);
        Assert.Equal(Usd(1500m), settlement.ProviderCovers);
        Assert.Equal(Usd(0m), settlement.CustomerCovers);
        Assert.Contains("line 3", settlement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_Negative_ThrowsNamingAmount()
        => Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => new Money(-0.01m, "EUR")).ParamName);

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("U$D")]
    public void Money_NotAnIsoCode_ThrowsNamingCurrency(string currency)
        => Assert.Equal("currency", Assert.Throws<ArgumentException>(() => new Money(1m, currency)).ParamName);

    [Fact]
    public void BothSidesErred_DifferentCurrencies_ThrowsNamingCustomerCost()
        => Assert.Equal("customerCost", Assert.Throws<ArgumentException>(() => new BothSidesErred(Usd(1m), new Money(1m, "EUR"))).ParamName);

    [Fact]
    public void UndocumentedVerbalAgreement_DefaultMoney_Throws()
        => Assert.Equal("costToCorrect", Assert.Throws<ArgumentException>(() => new UndocumentedVerbalAgreement("x", default)).ParamName);

    [Fact]
    public void CustomerMissedDespiteOurProcess_NoHelp_ThrowsNamingHelp()
        => Assert.Equal("helpWeOffer", Assert.Throws<ArgumentException>(() => new CustomerMissedDespiteOurProcess("x", Usd(1m), " ")).ParamName);

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 150)]
    public void InflatedInvoiceLine_NotInflated_ThrowsNamingCorrect(int billed, int correct)
        => Assert.Equal("correct", Assert.Throws<ArgumentException>(() => new InflatedInvoiceLine("i", "l", Usd(billed), Usd(correct), Usd(1000m))).ParamName);

    [Fact]
    public void InflatedInvoiceLine_TotalBelowLine_ThrowsNamingInvoiceTotal()
        => Assert.Equal("invoiceTotal", Assert.Throws<ArgumentException>(() => new InflatedInvoiceLine("i", "l", Usd(100m), Usd(50m), Usd(99m))).ParamName);

    [Fact]
    public void Settle_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => Settlement.Settle(null!));

    [ConfiguredProperty]
    public Property Settle_EveryValidInput_GetsExactlyTheOneSettlementOfItsKind()
        => Prop.ForAll(Facts(), facts =>
        {
            var settlement = Settlement.Settle(facts);
            var expected = facts switch
            {
                UndocumentedVerbalAgreement => SettlementPrinciple.SideWithCustomer,
                CustomerMissedDespiteOurProcess => SettlementPrinciple.CustomerBearsWithOurHelp,
                BothSidesErred => SettlementPrinciple.EachCoversItsOwn,
                InflatedInvoiceLine => SettlementPrinciple.CoverLineDifference,
                _ => throw new InvalidOperationException(facts.ToString()),
            };
            Assert.Equal(expected, settlement.Principle);
            Assert.False(string.IsNullOrWhiteSpace(settlement.Reason));
            Assert.Equal(settlement, Settlement.Settle(facts));
        });

    [ConfiguredProperty]
    public Property Settle_AmountsAreNeverNegativeAndInTheFactsCurrency()
        => Prop.ForAll(Facts(), facts =>
        {
            var settlement = Settlement.Settle(facts);
            Assert.True(settlement.ProviderCovers.Amount >= 0m && settlement.CustomerCovers.Amount >= 0m);
            Assert.Equal(facts.Currency, settlement.ProviderCovers.Currency);
            Assert.Equal(facts.Currency, settlement.CustomerCovers.Currency);
        });

    [ConfiguredProperty]
    public Property Settle_InflatedInvoiceLine_NeverCoversMoreThanTheLineDifference()
        => Prop.ForAll(InvoiceLines().ToArbitrary(), line =>
        {
            var settlement = Settlement.Settle(line);
            var difference = line.Billed.Amount - line.Correct.Amount;
            Assert.True(settlement.ProviderCovers.Amount <= difference);
            Assert.Equal(difference, settlement.ProviderCovers.Amount);
            Assert.Equal(0m, settlement.CustomerCovers.Amount);
        });

    [ConfiguredProperty]
    public Property Settle_BothSidesErred_IsSymmetricUnderSwappingTheCosts()
        => Prop.ForAll(Currencies.SelectMany(c => Gen.Zip(Amounts(c), Amounts(c))).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var settlement = Settlement.Settle(new BothSidesErred(a, b));
            var swapped = Settlement.Settle(new BothSidesErred(b, a));
            Assert.Equal(settlement.ProviderCovers, swapped.CustomerCovers);
            Assert.Equal(settlement.CustomerCovers, swapped.ProviderCovers);
            Assert.Equal((a, b), (settlement.ProviderCovers, settlement.CustomerCovers));
        });

    [ConfiguredProperty]
    public Property Settle_UndocumentedVerbalAgreement_AlwaysSidesWithTheCustomer()
        => Prop.ForAll(VerbalAgreements().ToArbitrary(), facts =>
        {
            var settlement = Settlement.Settle(facts);
            Assert.Equal(SettlementPrinciple.SideWithCustomer, settlement.Principle);
            Assert.Equal(facts.CostToCorrect, settlement.ProviderCovers);
            Assert.Equal(0m, settlement.CustomerCovers.Amount);
        });

    private static readonly Gen<string> Currencies = Gen.Elements("USD", "EUR", "JPY", "NPR", "AUD");

    private static readonly Gen<string> Texts = Gen.Elements("rush delivery", "weekend install", "colour proof", "extra licences", "ünïcode ✓");

    private static Gen<Money> Amounts(string currency)
        => Gen.Frequency(
                (1, Gen.Constant(0L)),
                (6, Gen.Choose(0, int.MaxValue).Select(i => (long)i)),
                (2, Gen.Choose(0, 1_000_000).Select(i => (long)i * 1_000_000L)))
            .Select(cents => new Money(cents / 100m, currency));

    private static Gen<UndocumentedVerbalAgreement> VerbalAgreements()
        => from c in Currencies from text in Texts from cost in Amounts(c) select new UndocumentedVerbalAgreement(text, cost);

    private static Gen<InflatedInvoiceLine> InvoiceLines()
        => from c in Currencies
           from correct in Amounts(c)
           from extra in Gen.Choose(1, int.MaxValue)
           from rest in Amounts(c)
           let billed = new Money(correct.Amount + (extra / 100m), c)
           select new InflatedInvoiceLine("INV", "line", billed, correct, new Money(billed.Amount + rest.Amount, c));

    private static Arbitrary<SettlementFacts> Facts()
        => Gen.OneOf(
                VerbalAgreements().Select(f => (SettlementFacts)f),
                (from c in Currencies from text in Texts from cost in Amounts(c) select (SettlementFacts)new CustomerMissedDespiteOurProcess(text, cost, "we walk them through it")),
                (from c in Currencies from a in Amounts(c) from b in Amounts(c) select (SettlementFacts)new BothSidesErred(a, b)),
                InvoiceLines().Select(f => (SettlementFacts)f))
            .ToArbitrary();
}
