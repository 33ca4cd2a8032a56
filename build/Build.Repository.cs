using Release.CI;
using Release.Engine;
using Release.Tooling.Processes;

namespace Release.Build;

/// <summary>Targets that build and test this repository itself.</summary>
partial class Build
{
    [Parameter("Test filter expression passed to dotnet test --filter")]
    readonly string? TestFilter;

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

    /// <summary>In a partitioned CI job only this job's share of the test projects runs.</summary>
    Target Test => _ => _
        .Description("Runs the repository's tests (their set-up installs and starts what they need)")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/*.trx")
        .Executes(async ct =>
        {
            TestResultsDirectory.CreateDirectory();
            var partition = CiPartition.Parse(((IContinuousIntegration)this).Partition);
            var projects = partition.Select(SelectedTestProjects).ToList();
            string[] filter = TestFilter is null ? [] : ["--filter", TestFilter];
            var failures = new List<string>();
            // One project at a time: their fixtures start registries, podman and git servers, and two cores are shared.
            foreach (var project in projects)
            {
                try
                {
                    await DotNet(ct, ["test", project, "--no-build", "-c", Configuration, "--results-directory", TestResultsDirectory,
                        "--logger", $"trx;LogFileName={Path.GetFileNameWithoutExtension(project)}.trx", .. filter]);
                }
                catch (ProcessFailedException)
                {
                    failures.Add(Path.GetFileNameWithoutExtension(project));
                }
            }
            ReportSummary("Test projects", $"{projects.Count - failures.Count}/{projects.Count} passed");
            if (failures.Count > 0) throw new InvalidOperationException($"Tests failed in {string.Join(", ", failures)}; see the TRX files in {TestResultsDirectory}.");
        });

    Task DotNet(CancellationToken cancellationToken, params string[] arguments) =>
        new ProcessRunner().RunAsync(new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = RootDirectory,
            Secrets = Context.Secrets.Secrets,
            OnOutput = Log.Information,
        }, cancellationToken);
}
