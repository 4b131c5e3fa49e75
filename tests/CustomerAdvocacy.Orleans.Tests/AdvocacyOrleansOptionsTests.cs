using System;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Orleans.Tests;

public sealed class AdvocacyOrleansOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new AdvocacyOrleansOptions().Validate();

    [Fact]
    public void Validate_EverySettingWrong_ReportsEveryProblemAtOnce()
    {
        var options = new AdvocacyOrleansOptions
        {
            DueActionActor = new Actor("customer-1", IncidentRole.CustomerContact),
            ReminderRetryPeriod = TimeSpan.Zero,
            MaximumReminderDelay = TimeSpan.FromDays(60),
        };
        var ex = Assert.Throws<DefinitionValidationException>(options.Validate);
        Assert.Equal(
            new[] { nameof(AdvocacyOrleansOptions.DueActionActor), nameof(AdvocacyOrleansOptions.ReminderRetryPeriod), nameof(AdvocacyOrleansOptions.MaximumReminderDelay) },
            ex.Problems.Select(p => p.Path).ToArray());
    }

    [Fact]
    public void Validate_ThirdPartyActor_IsRefused()
    {
        var options = new AdvocacyOrleansOptions { DueActionActor = new Actor("vendor-1", IncidentRole.ThirdParty) };
        Assert.Single(Assert.Throws<DefinitionValidationException>(options.Validate).Problems);
    }
}
