using Release.Engine;
using Release.Tooling.Processes;

namespace Release.Build;

/// <summary>Targets that build and test this repository itself.</summary>
partial class Build
{
    [Parameter("Test filter expression passed to dotnet test --filter")]
    readonly string? TestFilter;

    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    Target Restore => _ => _
        .Description("Restores the repository's NuGet packages")
        .Executes(ct => DotNet(ct, "restore", Solution));

    Target Compile => _ => _
        .Description("Compiles every project in Release.sln")
        .DependsOn(Restore)
        .Executes(ct => DotNet(ct, "build", Solution, "--no-restore", "-c", Configuration));

    Target Test => _ => _
        .Description("Runs the repository's tests (their set-up installs and starts what they need)")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/*.trx")
        .Executes(async ct =>
        {
            TestResultsDirectory.CreateDirectory();
            string[] filter = TestFilter is null ? [] : ["--filter", TestFilter];
            await DotNet(ct, ["test", Solution, "--no-build", "-c", Configuration, "--results-directory", TestResultsDirectory,
                "--logger", "trx", "--logger", "console;verbosity=normal", .. filter]);
        });

    Task DotNet(CancellationToken cancellationToken, params string[] arguments) =>
        new ProcessRunner().RunAsync(new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = RootDirectory,
            Secrets = Context.Secrets.Secrets,
            OnOutput = Log.Information,
        }, cancellationToken);
}
