using System.Linq;
using System.Xml.Linq;

namespace CustomerAdvocacy.Tests;

public class PackageValidationSuppressionTests
{
    [Fact]
    public void CompatibilitySuppressions_CoreLibrary_OnlyRecordCloneMethods()
    {
        // Package validation may be silenced only for the compiler's covariant record clone; anything else is a real
        // difference between the netstandard2.0 and net8.0+ surfaces and must be fixed, not suppressed.
        var document = XDocument.Parse(RepositoryFiles.ReadAllText("src/CustomerAdvocacy/CompatibilitySuppressions.xml"));
        var suppressions = document.Root!.Elements("Suppression").ToArray();

        Assert.NotEmpty(suppressions);
        Assert.All(suppressions, s =>
        {
            Assert.Equal("CP0005", (string?)s.Element("DiagnosticId"));
            Assert.EndsWith(".{Clone}$", (string?)s.Element("Target"), System.StringComparison.Ordinal);
        });
    }
}
