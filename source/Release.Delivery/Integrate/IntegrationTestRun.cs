using Release.Engine;
using Release.Pipeline;
using Release.Tooling.DotNet;
using Release.Tooling.Processes;

namespace Release.Delivery.Integrate;

/// <summary>
/// One run of an integration test project, as Integrate and IntegrateApplication both run it: <c>dotnet test</c> with a
/// TRX logger writing into a stage's staging folder, the deployment's addresses in the environment, the build's
/// secrets masked. A failing test is a result, not an error: the caller writes its reports from <see cref="Results"/>.
/// </summary>
/// <param name="Results">What the TRX file holds (empty when there is none).</param>
/// <param name="ExitCode">The exit code of <c>dotnet test</c>.</param>
/// <param name="NoResults">Why there are no results (no TRX file written: the project probably did not build, with the last
/// output), or null when the TRX file was read.</param>
internal sealed record IntegrationTestRun(IReadOnlyList<TestCaseResult> Results, int ExitCode, string? NoResults)
{
    /// <summary>Passed tests.</summary>
    public int Passed => Results.Count(r => r.Outcome == "Passed");

    /// <summary>Failed tests.</summary>
    public int Failed => Results.Count(r => r.Outcome == "Failed");

    /// <summary>Skipped tests.</summary>
    public int Skipped => Results.Count(r => r.Outcome == "Skipped");

    /// <summary>Runs <paramref name="project"/> and reads its TRX file <paramref name="trxName"/> in <paramref name="folder"/>.</summary>
    public static async Task<IntegrationTestRun> RunAsync(IPipeline build, string project, AbsolutePath folder, string trxName,
        IReadOnlyDictionary<string, string?> environment, CancellationToken ct)
    {
        var settings = new DotNetTestSettings
        {
            Project = project,
            ResultsDirectory = folder,
            Loggers = [$"trx;LogFileName={trxName}", "console;verbosity=normal"],
        };
        var run = await build.Processes.RunAsync(new ProcessSpec("dotnet", settings.ToArguments())
        {
            WorkingDirectory = build.RootDirectory,
            Environment = new Dictionary<string, string?>(environment) { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            Secrets = build.Context.Secrets.Secrets,
            OnOutput = build.Log.Information,
            AllowNonZeroExit = true, // failing tests still produce the reports the caller writes
            Timeout = TimeSpan.FromMinutes(30),
        }, ct).ConfigureAwait(false);
        var trx = folder / trxName;
        return trx.FileExists()
            ? new IntegrationTestRun(TrxReader.Read(trx), run.ExitCode, null)
            : new IntegrationTestRun([], run.ExitCode,
                $"dotnet test wrote no results for {project} (exit code {run.ExitCode}); the project probably did not build. " +
                $"Last output:\n  {string.Join("\n  ", run.Output.Concat(run.Error).TakeLast(15))}");
    }
}
