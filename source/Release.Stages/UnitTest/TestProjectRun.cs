namespace Release.Stages.UnitTest;

/// <summary>
/// What one test project's <c>dotnet test</c> left behind, judged by its TRX file rather than by the exit code:
/// <c>dotnet test</c> exits 0 and writes nothing when it finds nothing to run.
/// </summary>
/// <param name="Project">The test project file.</param>
/// <param name="Trx">Where its TRX file was asked for.</param>
/// <param name="Results">The results read from the TRX; <c>null</c> when the run wrote none.</param>
/// <param name="Problem">Why the run proves nothing (no TRX, or no test executed), naming the cause and the fix; <c>null</c> when tests
/// executed.</param>
public sealed record TestProjectRun(string Project, string Trx, TestRunResults? Results, string? Problem)
{
    /// <summary>The project's name (its file name without extension), which also names its result files.</summary>
    public string Name => Path.GetFileNameWithoutExtension(Project);

    /// <summary>Tests that ran (passed or failed); skipped ones did not.</summary>
    public int Executed => Results is null ? 0 : Results.Count(TestOutcome.Passed) + Results.Count(TestOutcome.Failed);

    /// <summary>The run wrote a TRX file in which no test executed.</summary>
    public bool NoneExecuted => Results is not null && Executed == 0;
}
