using Release.CI;
using Release.Engine;
using Release.Stages.UnitTest;
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

    /// <summary>In a partitioned CI job only this job's share of the test projects runs.</summary>
    Target Test => _ => _
        .Description("Runs the repository's tests (their set-up installs and starts what they need)")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/*.trx")
        .Executes(async ct =>
        {
            TestResultsDirectory.CreateDirectory();
            var partition = CiPartition.Parse(((IContinuousIntegration)this).Partition);
            var projects = partition.Select(Directory.GetFiles(RootDirectory / "tests", "*.Tests.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal)).ToList();
            // The UnitTest stage's parameter, so one --test-filter (checked before anything runs) serves both targets.
            string[] filter = ((IUnitTest)this).TestFilter is { } testFilter ? ["--filter", testFilter] : [];
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
