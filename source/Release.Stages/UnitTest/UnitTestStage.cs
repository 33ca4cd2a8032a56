using Release.Engine;
using Release.Stages.Common;
using Release.Tooling.DotNet;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.UnitTest;

/// <summary>
/// What the UnitTest target does: <c>dotnet test</c> per project with the coverlet collector, then TRX, JUnit and
/// Cobertura files and the summary. Reports are written even when tests fail (CI shows them), then the target fails.
/// </summary>
internal sealed class UnitTestStage(IUnitTest build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.Paths;
        var source = await PipelineRecords.ReadSourceAsync(paths, ct).ConfigureAwait(false);
        var module = paths.Workspace / build.ModuleDirectory;
        if (build.CoverageThreshold is < 0 or > 100)
            throw new BuildInputException($"--coverage-threshold is {build.CoverageThreshold}: give a percentage from 0 to 100.");
        var projects = TestProjects(module);

        using var output = StageOutput.Begin(paths.UnitTestDirectory);
        var runs = new List<TestRunResults>();
        var coverage = new List<CoberturaCoverage>();
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var raw = (output.Staging / "raw" / name).CreateDirectory();
            var run = await TestAsync(project, name, raw, source, ct).ConfigureAwait(false);
            if (run.Results is null || (run.NoneExecuted && !build.AllowNoUnitTests))
                throw new InvalidOperationException($"UnitTest: {run.Problem}" +
                    (run.NoneExecuted ? " A module without unit tests declares it with --allow-no-unit-tests." : ""));
            if (run.NoneExecuted)
                build.Log.Warning($"UnitTest: {run.Problem} Accepted: --allow-no-unit-tests declares that the module has none.");
            var results = run.Results;
            File.Move(run.Trx, output.Staging / $"{name}.trx");
            JUnitReport.Create([results]).Save(output.Staging / $"{name}.junit.xml");
            runs.Add(results);

            // VSTest also copies attachments next to the TRX ("In/<machine>/..."): the collector's own file is the shallowest.
            var cobertura = Directory.GetFiles(raw, "coverage.cobertura.xml", SearchOption.AllDirectories)
                .OrderBy(f => f.Count(c => c == '/')).ThenByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                ?? throw new InvalidOperationException(
                    $"UnitTest: {name} produced no Cobertura coverage. Reference the coverlet.collector package in {Path.GetFileName(project)}.");
            File.Move(cobertura, output.Staging / $"{name}.cobertura.xml");
            CoberturaPaths.MakeRelative(output.Staging / $"{name}.cobertura.xml", paths.Workspace);
            var measured = CoberturaCoverage.Read(output.Staging / $"{name}.cobertura.xml");
            // A report that covers no line at all would score 100% and could lift the release channel: refuse it.
            if (measured.LinesValid == 0)
                throw new InvalidOperationException(
                    $"UnitTest: the coverage report of {name} measured no code at all (0 lines), so coverage is unknown, not 100%. " +
                    $"The collector instrumented nothing: check that {Path.GetFileName(project)} references the projects under test and that they " +
                        "build with symbols (.pdb).");
            coverage.Add(measured);
            build.Log.Information($"{name}: {results.Count(TestOutcome.Passed)} passed, {results.Count(TestOutcome.Failed)} failed, " +
                $"{results.Count(TestOutcome.Skipped)} skipped");
        }
        Directory.Delete(output.Staging / "raw", recursive: true);

        var total = CoberturaCoverage.Sum(coverage);
        var summary = new UnitTestSummary(
            runs.Sum(r => r.Count(TestOutcome.Passed)), runs.Sum(r => r.Count(TestOutcome.Failed)), runs.Sum(r => r.Count(TestOutcome.Skipped)),
            total.LinePercent, total.BranchPercent);
        await StageRecord.WriteAsync(output.Staging / paths.UnitTestSummary.Name, summary, ct).ConfigureAwait(false);
        output.Commit();

        build.ReportSummary("tests", $"{summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped");
        build.ReportSummary("coverage", $"{summary.LineCoverage:0.##}% lines, {summary.BranchCoverage:0.##}% branches");
        // The line a CI coverage regex reads (GitLab's job 'coverage:'): keep its wording, see CoverageLine.
        build.Log.Information(CoverageLine.Format(summary.LineCoverage));
        var failed = runs.SelectMany(r => r.Tests).Where(t => t.Outcome == TestOutcome.Failed).ToList();
        if (failed.Count > 0)
            throw new InvalidOperationException(
                $"UnitTest: {failed.Count} test(s) failed: " +
                    $"{string.Join("; ", failed.Take(10).Select(t => $"{t.ClassName}.{t.Name}: {t.Message?.Split('\n')[0].Trim()}"))}. " +
                $"Reports are in {paths.UnitTestDirectory}.");
        if (summary.LineCoverage < build.CoverageThreshold)
            throw new InvalidOperationException(
                $"UnitTest: line coverage {summary.LineCoverage:0.##}% is below the threshold of {build.CoverageThreshold:0.##}% " +
                    "(--coverage-threshold). " +
                "Add tests for the uncovered code (see the Cobertura reports) or lower the threshold deliberately.");
    }

    // Failing tests make dotnet test exit non-zero; the TRX still says which, so only a run that proves nothing is fatal here.
    private async Task<TestProjectRun> TestAsync(string project, string name, AbsolutePath raw, SourceRecord source, CancellationToken ct)
    {
        var settings = new DotNetTestSettings
        {
            Project = project,
            Configuration = "Release",
            ResultsDirectory = raw,
            Collectors = [DotNetTestSettings.CodeCoverageCollector],
            Filter = build.TestFilter,
            Properties = ModuleBuildProperties.For(source),
        };
        try
        {
            return await new TestProjectRunner(new DotNetClient(log: build.Log.Information,
                secrets: build.Context.Secrets.Secrets)).RunAsync(settings, ct).ConfigureAwait(false);
        }
        catch (DotNetBuildFailedException e)
        {
            throw new InvalidOperationException(
                $"UnitTest: {name} does not compile ({e.Errors.Count} error(s)):\n{string.Join('\n', e.Errors.Select(d => "  " + d))}\nFix the " +
                    "code at the lines above.", e);
        }
    }

    private IReadOnlyList<string> TestProjects(AbsolutePath module)
    {
        if (build.UnitTestProjects is { Length: > 0 } given)
        {
            var missing = given.Where(p => !(module / p).FileExists()).ToList();
            return missing.Count == 0
                ? given.Select(p => (string)(module / p)).ToList()
                : throw new BuildInputException($"--unit-test-projects: {string.Join(", ", missing)} not found in the module folder {module}. " +
                    "Paths are relative to it.");
        }
        var found = Directory.EnumerateFiles(module, "*Tests.csproj", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("IntegrationTests.csproj", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        return found.Count > 0
            ? found
            : throw new InvalidOperationException($"UnitTest: no unit test project (*Tests.csproj) in the module folder {module}. Add one, or name " +
                "them with --unit-test-projects.");
    }
}
