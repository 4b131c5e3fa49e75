namespace CustomerAdvocacy.Kernel;

/// <summary>The command was issued against a version the incident has moved past.</summary>
/// <param name="ExpectedVersion">The version the issuer saw.</param>
/// <param name="ActualVersion">The incident's version.</param>
public sealed record StaleVersion(long ExpectedVersion, long ActualVersion) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(StaleVersion);
}
