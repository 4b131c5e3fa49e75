using System;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;

namespace CustomerAdvocacy.Tests.Storage;

public sealed class IncidentStoreValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void ValidateFromVersion_BelowOne_ThrowsNamingFromVersion(long fromVersion)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IncidentStoreValidator.ValidateFromVersion(fromVersion));

        Assert.Equal("fromVersion", error.ParamName);
        Assert.Equal(fromVersion, error.ActualValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void ValidateDueLimit_BelowOne_ThrowsNamingLimit(int limit)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IncidentStoreValidator.ValidateDueLimit(limit));

        Assert.Equal("limit", error.ParamName);
    }

    [Fact]
    public void ValidateFromVersionAndLimit_One_Pass()
    {
        IncidentStoreValidator.ValidateFromVersion(1);
        IncidentStoreValidator.ValidateDueLimit(1);
    }

    [Fact]
    public void ValidateRejection_RecordWithoutRejection_ThrowsNamingRecord()
    {
        var record = new CommandRecord(CommandId.New(), IncidentId.New(), 1, 1, null);

        var error = Assert.Throws<ArgumentException>(() => IncidentStoreValidator.ValidateRejection(record));

        Assert.Equal("record", error.ParamName);
    }

    [Fact]
    public void ValidateRejection_Null_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => IncidentStoreValidator.ValidateRejection(null!));

    [Fact]
    public void ValidateRejection_RecordWithRejection_ReturnsIt()
    {
        var rejection = new RuleBroken(IncidentRules.CommitmentNeedsDueDate, "no due date");
        var record = new CommandRecord(CommandId.New(), IncidentId.New(), 0, 0, rejection);

        Assert.Same(rejection, IncidentStoreValidator.ValidateRejection(record));
    }
}
