namespace Release.Stages.UnitTest;

/// <summary>The judged run of <see cref="CompiledTestSuite"/>: each project's run and why the whole run fails, if it does.</summary>
public sealed record CompiledTestSuiteResult(IReadOnlyList<TestProjectRun> Runs, IReadOnlyList<string> Failures)
{
    /// <summary>Every project left results, tests executed and none failed.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>The summary figure, e.g. <c>13 projects: 812 passed, 0 failed, 3 skipped</c>; counts come from the TRX files.</summary>
    public string Figure
    {
        get
        {
            int Sum(TestOutcome outcome) => Runs.Sum(r => r.Results?.Count(outcome) ?? 0);
            var silent = Runs.Count(r => r.Results is null);
            return $"{Runs.Count} project(s): {Sum(TestOutcome.Passed)} passed, {Sum(TestOutcome.Failed)} failed, {Sum(TestOutcome.Skipped)} " +
                "skipped" +
                (silent > 0 ? $"; {silent} left no results" : "") + (Runs.Count == 0 ? "; nothing to run" : "");
        }
    }
}
