using Release.CI;
using Release.Engine;
using Release.Stages.UnitTest;
using Release.Tooling.DotNet;
using Release.Tooling.Processes;

namespace Release.Build;

/// <summary>Targets that build and test this repository itself.</summary>
partial class Build
{
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    Target Restore => _ => _
        .Description("Restores the repository's NuGet packages")
        .Executes(ct => DotNet(ct, "restore", Solution));

    Target Compile => _ => _
        .Description("Compiles every project in Release.sln")
        .DependsOn(Restore)
        .Executes(ct => DotNet(ct, "build", Solution, "--no-restore", "-c", Configuration));

    [Parameter("A test partition that gets no test project passes (by default it fails: a job that runs no test proves nothing)")]
    readonly bool AllowEmptyTestPartition;

    /// <summary>
    /// In a partitioned CI job only this job's share of the test projects runs. Each must leave a TRX in which tests
    /// executed (read from the TRX, not from dotnet test's exit code, which is 0 when the assembly was never built);
    /// JUnit XML is written next to each TRX for GitLab.
    /// </summary>
    Target Test => _ => _
        .Description("Runs the repository's tests (their set-up installs and starts what they need)")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/*.trx")
        .Executes(async ct =>
        {
            var partition = CiPartition.Parse(((IContinuousIntegration)this).Partition);
            var all = Directory.GetFiles(RootDirectory / "tests", "*.Tests.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var projects = partition.Select(all).ToList();
            var dotnet = new DotNetClient(log: Log.Information, secrets: Context.Secrets.Secrets);
            var result = await new CompiledTestSuite(new TestProjectRunner(dotnet), Log.Warning).RunAsync(projects, new CompiledTestSuiteOptions
            {
                ResultsDirectory = TestResultsDirectory,
                Configuration = Configuration,
                Filter = ((IUnitTest)this).TestFilter,
                EmptyAllowed = AllowEmptyTestPartition,
                NothingToRun = ((IContinuousIntegration)this).Partition is { Length: > 0 } share
                    ? $"Test partition {share} has no test project to run ({all.Count} in tests/): use fewer partitions, or pass --allow-empty-test-partition if an empty partition is expected."
                    : "There is no test project (*.Tests.csproj) under tests/ to run.",
            }, ct);
            ReportSummary("Test projects", result.Figure);
            if (!result.Passed)
                throw new InvalidOperationException($"Test failed:\n  {string.Join("\n  ", result.Failures)}\nResults are in {TestResultsDirectory}.");
        });

    Task DotNet(CancellationToken cancellationToken, params string[] arguments) =>
        new ProcessRunner().RunAsync(new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = RootDirectory,
            Secrets = Context.Secrets.Secrets,
            OnOutput = Log.Information,
        }, cancellationToken);
}
