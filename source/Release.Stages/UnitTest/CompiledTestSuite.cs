using Release.Tooling.DotNet;

namespace Release.Stages.UnitTest;

/// <summary>
/// Runs already compiled test projects (<c>dotnet test --no-build</c>), one at a time, and passes only when each left a
/// TRX in which tests executed; writes JUnit XML next to each TRX (GitLab's <c>artifacts:reports:junit</c>; Azure reads
/// the TRX). A repository's own Test target, where Compile may have run in another job or not at all.
/// </summary>
public sealed class CompiledTestSuite(TestProjectRunner runner, Action<string> log)
{
    /// <summary>Runs <paramref name="projects"/> in order and judges the whole run.</summary>
    public async Task<CompiledTestSuiteResult> RunAsync(IReadOnlyList<string> projects, CompiledTestSuiteOptions options, CancellationToken ct)
    {
        if (projects.Count == 0)
        {
            log(options.NothingToRun);
            return new CompiledTestSuiteResult([], options.EmptyAllowed ? [] : [options.NothingToRun]);
        }
        Directory.CreateDirectory(options.ResultsDirectory);
        var runs = new List<TestProjectRun>();
        var failures = new List<string>();
        // One project at a time: test fixtures may start servers, and their ports and processes must not collide.
        foreach (var project in projects)
        {
            // An earlier run's JUnit file must not report results this run did not produce (the runner does the same for the TRX).
            File.Delete(Path.Combine(options.ResultsDirectory, $"{Path.GetFileNameWithoutExtension(project)}.junit.xml"));
            var run = await runner.RunAsync(new DotNetTestSettings
            {
                Project = project,
                Configuration = options.Configuration,
                ResultsDirectory = options.ResultsDirectory,
                Filter = options.Filter,
                NoBuild = true,
            }, ct).ConfigureAwait(false);
            runs.Add(run);
            if (run.Results is { } results)
                JUnitReport.Create([results]).Save(Path.Combine(options.ResultsDirectory, $"{run.Name}.junit.xml"));
            if (run.Problem is { } problem && !(run.NoneExecuted && options.Filter is not null))
                failures.Add(problem);
            else if (run.Problem is not null)
                log(run.Problem);
            if (run.Results is { } counted && counted.Count(TestOutcome.Failed) is > 0 and var failed)
                failures.Add($"{run.Name}: {failed} test(s) failed; see {run.Trx}.");
        }
        if (failures.Count == 0 && runs.Sum(r => r.Executed) == 0)
            failures.Add($"No test matches the filter '{options.Filter}' in any of the {projects.Count} test project(s): the run executed no test.");
        return new CompiledTestSuiteResult(runs, failures);
    }
}
