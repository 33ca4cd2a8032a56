using Release.Tooling.DotNet;
using Release.Tooling.Processes;

namespace Release.Stages.UnitTest;

/// <summary>
/// Runs one test project with <c>dotnet test</c> and a TRX logger, and reads what the TRX proves. Shared by the
/// UnitTest stage and a repository's own Test target, so "a run that executed no test" means the same in both.
/// </summary>
public sealed class TestProjectRunner(DotNetClient dotnet)
{
    /// <summary>
    /// Runs <see cref="DotNetTestSettings.Project"/> with its TRX written as <c>NAME.trx</c> in
    /// <see cref="DotNetTestSettings.ResultsDirectory"/>. Failing tests are not an exception (the TRX says which);
    /// a run that left no TRX or executed no test comes back with a <see cref="TestProjectRun.Problem"/>.
    /// </summary>
    /// <exception cref="DotNetBuildFailedException">The project was compiled (no <c>--no-build</c>) and did not compile.</exception>
    public async Task<TestProjectRun> RunAsync(DotNetTestSettings settings, CancellationToken ct)
    {
        var project = settings.Project ?? throw new ArgumentException("Name the test project.", nameof(settings));
        var resultsDirectory = settings.ResultsDirectory ?? throw new ArgumentException("Name the results directory.", nameof(settings));
        var name = Path.GetFileNameWithoutExtension(project);
        var trx = Path.Combine(resultsDirectory, $"{name}.trx");
        // A TRX left by an earlier run must not stand in for this one.
        Directory.CreateDirectory(resultsDirectory);
        File.Delete(trx);
        ProcessFailedException? failure = null;
        try
        {
            await dotnet.TestAsync(settings with { Loggers = [.. settings.Loggers, $"trx;LogFileName={name}.trx"] },
                Path.GetDirectoryName(project), ct).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            failure = e;
        }
        if (!File.Exists(trx))
            return new TestProjectRun(project, trx, null, await WhyNoResultsAsync(settings, project, trx, failure, ct).ConfigureAwait(false));
        var run = new TestProjectRun(project, trx, TestRunResults.ReadTrx(trx, name), null);
        return run.NoneExecuted ? run with { Problem = NoneExecuted(settings, run) } : run;
    }

    private static string NoneExecuted(DotNetTestSettings settings, TestProjectRun run) => settings.Filter is { } filter
        ? $"{run.Name} executed no test: none matches the filter '{filter}' ({run.Trx} counts 0 executed)."
        : $"{run.Name} executed no test ({run.Trx} counts {run.Results!.Tests.Count} result(s), 0 executed): add tests, or check that the project " +
            "references a test adapter (e.g. NUnit3TestAdapter) and that its tests are not all ignored.";

    private async Task<string> WhyNoResultsAsync(DotNetTestSettings settings, string project, string trx, ProcessFailedException? failure,
        CancellationToken ct)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        if (settings.NoBuild)
        {
            // With --no-build, dotnet test of a project never compiled (or never restored) runs nothing and may exit 0.
            var properties = new Dictionary<string, string>(settings.Properties);
            if (settings.Configuration is { } configuration) properties["Configuration"] = configuration;
            var assembly = await dotnet.GetPropertyAsync(project, "TargetPath", properties, ct).ConfigureAwait(false);
            if (assembly.Length == 0 || !File.Exists(assembly))
                return $"{name}: assembly not built ({(assembly.Length == 0 ? "MSBuild names no TargetPath" : assembly + " is missing")}): " +
                    "run Compile first, or in CI pass the Compile job's output (the test projects' bin/ folders) to this job.";
        }
        var tail = failure is null ? "dotnet test exited 0." : failure.Message;
        return $"{name} wrote no test results ({trx} is missing): is it a test project (Microsoft.NET.Test.Sdk and a test adapter " +
            $"referenced)?\n{tail}";
    }
}
