using Release.CI;
using Release.Engine;
using Release.Stages.UnitTest;
using Release.Tooling.DotNet;
using Release.Tooling.Processes;

namespace Release.Build;

/// <summary>Targets that build and test this repository itself.</summary>
partial class Build
{
    [Parameter("Test projects to compile and run, comma-separated names like Release.SemVer.Tests (default: every tests/*.Tests project)")]
    readonly string? TestProjects;

    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>The test projects to run: every tests/*.Tests project, or those <see cref="TestProjects"/> names (a cheap CI run).</summary>
    IReadOnlyList<string> SelectedTestProjects
    {
        get
        {
            var all = Directory.GetFiles(RootDirectory / "tests", "*.Tests.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (string.IsNullOrWhiteSpace(TestProjects)) return all;
            var names = TestProjects.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = names.Where(n => all.All(p => Path.GetFileNameWithoutExtension(p) != n)).ToList();
            if (unknown.Count > 0)
                throw new BuildInputException($"--test-projects names {string.Join(", ", unknown)}, which are not under tests/. " +
                    $"Use names of: {string.Join(", ", all.Select(Path.GetFileNameWithoutExtension))}.");
            return all.Where(p => names.Contains(Path.GetFileNameWithoutExtension(p))).ToList();
        }
    }

    Target Restore => _ => _
        .Description("Restores the repository's NuGet packages")
        .Executes(ct => DotNet(ct, "restore", Solution));

    /// <summary>
    /// In a partitioned CI job, or with <see cref="TestProjects"/>, only the test projects that run here (and what they
    /// reference) are compiled: each test job compiles what it tests.
    /// </summary>
    Target Compile => _ => _
        .Description("Compiles every project in Release.sln (in a partitioned job or with --test-projects, only the test projects that run)")
        .DependsOn(Restore)
        .Executes(async ct =>
        {
            var partition = CiPartition.Parse(((IContinuousIntegration)this).Partition);
            if (string.IsNullOrWhiteSpace(TestProjects) && partition == CiPartition.Whole) await DotNet(ct, "build", Solution, "--no-restore", "-c", Configuration);
            else foreach (var project in partition.Select(SelectedTestProjects)) await DotNet(ct, "build", project, "--no-restore", "-c", Configuration);
        });

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
        .Produces("artifacts/test-results/*.trx", "artifacts/test-results/dashboard/*.png")
        .Executes(async ct =>
        {
            var partition = CiPartition.Parse(((IContinuousIntegration)this).Partition);
            var all = SelectedTestProjects;
            var projects = partition.Select(all).ToList();
            var dotnet = new DotNetClient(log: Log.Information, secrets: Context.Secrets.Secrets);
            var result = await new CompiledTestSuite(new TestProjectRunner(dotnet), Log.Warning).RunAsync(projects, new CompiledTestSuiteOptions
            {
                ResultsDirectory = TestResultsDirectory,
                Configuration = Configuration,
                Filter = ((IUnitTest)this).TestFilter,
                EmptyAllowed = AllowEmptyTestPartition,
                NothingToRun = ((IContinuousIntegration)this).Partition is { Length: > 0 } share
                    ? $"Test partition {share} has no test project to run ({all.Count} selected in tests/): use fewer partitions, or pass --allow-empty-test-partition if an empty partition is expected."
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
