using Release.Testing;
using Release.Testing.DotNet;
using Release.Tooling.DotNet;
using Release.Tooling.Processes;

namespace Release.Tooling.Tests.DotNet;

/// <summary>Runs the real <c>dotnet test</c> on a tiny NUnit project, with a TRX logger and coverlet coverage.</summary>
public sealed class DotNetTestRunTests
{
    private static readonly string TestProject = NUnitProjectFile.Text(
        """<PackageReference Include="coverlet.collector" Version="6.0.4" />""",
        """<ProjectReference Include="../Sample/Sample.csproj" />""");

    // coverlet leaves the test assembly itself out, so the code under test lives in its own library.
    private const string Library =
        "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";

    private const string Code = "namespace Sample;\npublic static class Calculator { public static int Add(int a, int b) => a + b; }\n";

    private const string Tests = """
        using NUnit.Framework;
        using Sample;
        namespace Sample.Tests;
        public class CalculatorTests
        {
            [Test, Category("Fast")] public void Adds() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));
            [Test, Category("Broken")] public void Fails() => Assert.That(Calculator.Add(2, 2), Is.EqualTo(5));
        }
        """;

    [Test]
    public async Task Writes_trx_and_cobertura_coverage_and_reports_failing_tests()
    {
        using var folder = new TempDirectory("release-dotnet-test");
        folder.WriteFile("Sample/Sample.csproj", Library);
        folder.WriteFile("Sample/Calculator.cs", Code);
        folder.WriteFile("Sample.Tests/Sample.Tests.csproj", TestProject);
        folder.WriteFile("Sample.Tests/CalculatorTests.cs", Tests);
        var client = new DotNetClient(timeout: TimeSpan.FromMinutes(3));
        var settings = new DotNetTestSettings
        {
            Project = folder.Combine("Sample.Tests"),
            ResultsDirectory = folder.Combine("results"),
            Loggers = ["trx;LogFileName=unit.trx"],
            Collectors = [DotNetTestSettings.CodeCoverageCollector],
            Filter = "TestCategory=Fast",
        };

        await client.TestAsync(settings);

        var trx = await File.ReadAllTextAsync(folder.Combine("results", "unit.trx"));
        Assert.That(trx, Does.Contain("outcome=\"Passed\"").And.Contain("Adds"));
        Assert.That(trx, Does.Not.Contain("Fails"), "the filter should have left the failing test out");
        var coverage = Directory.GetFiles(folder.Combine("results"), "coverage.cobertura.xml", SearchOption.AllDirectories);
        // The TRX logger also copies the attachment next to the TRX, so the same report may appear twice.
        Assert.That(coverage, Is.Not.Empty);
        Assert.That(await File.ReadAllTextAsync(coverage[0]), Does.Contain("Calculator"));

        var failure = Assert.ThrowsAsync<ProcessFailedException>(
            () => client.TestAsync(settings with { Filter = "TestCategory=Broken", NoBuild = true, Collectors = [] }))!;
        Assert.That(failure.Message, Does.Contain("Fails"));
    }
}
