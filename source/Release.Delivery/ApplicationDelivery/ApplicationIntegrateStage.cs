using System.Globalization;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Rollout;
using Release.Delivery.Integrate;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// What IntegrateApplication does: run every module's integration test project once against the deployed application
/// (each run gets every module's address), convert the TRX files to one JUnit and one HTML report, keep the counts and
/// what was tested; skip when the same deployments passed with the same tests.
/// </summary>
internal sealed class ApplicationIntegrateStage(IIntegrateApplication build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var application = build.Application;
        var environment = DeployStage.Select(build);
        var deployed = new DeployedApplication(build, environment);
        var running = await deployed.RunningAsync(ct).ConfigureAwait(false);
        if (application.Graph.Order.FirstOrDefault(m => !running.ContainsKey(m)) is { } missing)
            throw new BuildInputException(
                $"IntegrateApplication: {missing} is not deployed in '{environment.Name}' (no record under " +
                    $"{deployed.Paths.DeployDirectory / environment.Name}), " +
                "so the application cannot be tested. Run DeployApplication first.");
        var fingerprint = IntegrationTestsFingerprint.Of(application);
        var (skip, _) = await deployed.TestedAsync(running, fingerprint, ct).ConfigureAwait(false);
        if (skip is not null)
        {
            build.Log.Information($"IntegrateApplication skipped: nothing changed. {skip}.");
            build.ReportSummary("skipped", $"the same deployments in '{environment.Name}' passed with the same tests");
            return;
        }

        var projects = application.Modules.Where(m => m.IntegrationTests is not null)
            .Select(m => (Module: m.Name, Project: Path.Combine(application.FolderOf(m.Name), m.IntegrationTests!))).ToList();
        if (projects.Count == 0)
            throw new BuildDefinitionException(
                $"IntegrateApplication: no module of {application.Name} declares integration tests, so nothing would be tested. " +
                "Declare them on the module clients call (.IntegrationTests(\"tests/X.IntegrationTests/X.IntegrationTests.csproj\")).");
        // Every module's address, as its dependents are told it: MODULE_URL with a trailing slash for relative paths.
        var addresses = application.Graph.Order
            .ToDictionary(m => m.ToUpperInvariant().Replace('-', '_') + "_URL", m => (string?)(running[m].Url.TrimEnd('/') + "/"));

        var paths = deployed.Paths;
        using var output = StageOutput.Begin(paths.IntegrationDirectory);
        var results = new List<TestCaseResult>();
        var byModule = new Dictionary<string, IReadOnlyList<TestCaseResult>>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (module, project) in projects)
        {
            build.Log.Information($"Testing {application.Name} in '{environment.Name}' with {module}'s integration tests ({project}): " +
                                  string.Join(
                                      ", ",
                                      addresses.Where(a => a.Key.EndsWith("_URL", StringComparison.Ordinal)).Select(a => $"{a.Key}={a.Value}")));
            var run = await IntegrationTestRun.RunAsync(build, project, output.Staging, module + ".trx", addresses, ct).ConfigureAwait(false);
            if (run.NoResults is not null)
            {
                problems.Add($"{module}'s tests: {run.NoResults}");
                continue;
            }
            var found = run.Results;
            if (found.Count == 0) problems.Add($"{module}'s integration tests ({project}) executed no test");
            else if (run.ExitCode != 0 && found.All(r => r.Outcome != "Failed")) problems.Add(
                $"dotnet test of {module}'s tests exited with {run.ExitCode}");
            results.AddRange(found);
            byModule[module] = found;
        }

        var passed = results.Count(r => r.Outcome == "Passed");
        var failed = results.Count(r => r.Outcome == "Failed");
        var skipped = results.Count(r => r.Outcome == "Skipped");
        // The report names the module clients call: the application checks' entry, else the last in dependency order.
        var entry = application.Graph.Order
            .FirstOrDefault(m => string.Equals(m, build.ApplicationChecks?.EntryModule, StringComparison.OrdinalIgnoreCase))
                    ?? application.Graph.Order[^1];
        JUnitReportWriter.Render($"{application.Name} integration tests", results).Save(output.Staging / "junit.xml");
        await File.WriteAllTextAsync(output.Staging / "report.html", HtmlReportWriter.Render(
            $"{application.Name} integration tests ({environment.Name}): "
                + string.Join(", ", application.Graph.Order.Select(m => $"{m} {running[m].Release.Version}")),
            running[entry].Url, results), ct).ConfigureAwait(false);
        var tested = application.Graph.Order.Select(
            m => new TestedModule(m, running[m].Release.Identity, running[m].Release.Version, running[m].Url, running[m].DeployedAt)).ToList();
        await StageRecord.WriteAsync(output.Staging / "summary.json",
            new ApplicationIntegrationSummary(
                environment.Name,
                passed,
                failed,
                skipped,
                tested,
                fingerprint,
                build.Context.Clock.GetUtcNow()), ct).ConfigureAwait(false);
        output.Commit();
        await WriteModuleRecordsAsync(environment.Name, running, byModule, ct).ConfigureAwait(false);

        build.ReportSummary("tests", string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed, {skipped} skipped"));
        if (failed > 0)
            problems.Insert(
                0,
                $"{failed} integration test(s) failed: " + string.Join(", ", results.Where(r => r.Outcome == "Failed").Select(r => r.Name)));
        if (passed + failed == 0 && problems.Count == 0)
            problems.Add("no test was executed");
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"IntegrateApplication: {application.Name} in '{environment.Name}' did not pass: " + string.Join("; ", problems) +
                $". See {paths.IntegrationDirectory / "report.html"}.");
    }

    // Each module whose tests ran gets its own integration record, as Integrate writes it (artifacts/modules/MODULE/
    // integration): the quality gate, the approvals' evidence keys and the evidence bundle read a module's results there.
    private async Task WriteModuleRecordsAsync(string environment, IReadOnlyDictionary<string, ModuleDeployment> running,
        IReadOnlyDictionary<string, IReadOnlyList<TestCaseResult>> byModule, CancellationToken ct)
    {
        foreach (var (module, found) in byModule)
        {
            var deployment = running[module];
            using var output = StageOutput.Begin(new PipelinePaths(build.RootDirectory, module).IntegrationDirectory);
            JUnitReportWriter.Render($"{module} integration tests", found).Save(output.Staging / "junit.xml");
            await StageRecord.WriteAsync(output.Staging / "summary.json", new IntegrationSummary(
                found.Count(r => r.Outcome == "Passed"), found.Count(r => r.Outcome == "Failed"), found.Count(r => r.Outcome == "Skipped"),
                deployment.Url, environment, deployment.Release.Image?.Digest, build.Context.Clock.GetUtcNow()), ct).ConfigureAwait(false);
            output.Commit();
        }
    }
}
