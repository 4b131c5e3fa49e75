using System;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerAdvocacy.Tests;

public sealed class PropertyConfigTests
{
    [Theory]
    [InlineData(null, 1000)]
    [InlineData("", 1000)]
    [InlineData("  ", 1000)]
    [InlineData("25", 25)]
    [InlineData("20000", 20000)]
    public void ParseMaxTest_UnsetOrPositive_GivesCount(string? value, int expected)
        => Assert.Equal(expected, PropertyConfig.ParseMaxTest(value));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("1e3")]
    public void ParseMaxTest_NotAPositiveWholeNumber_Throws(string value)
        => Assert.Throws<InvalidOperationException>(() => PropertyConfig.ParseMaxTest(value));

    [Fact]
    public void ConfiguredProperty_Constructed_UsesConfiguredCount()
        => Assert.Equal(PropertyConfig.MaxTest, new ConfiguredPropertyAttribute().MaxTest);

    [Fact]
    public void Config_RunsConfiguredNumberOfCases()
    {
        var cases = 0;
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), _ =>
        {
            cases++;
            return true;
        }).Check(PropertyConfig.Config);
        Assert.Equal(PropertyConfig.MaxTest, cases);
    }

}
