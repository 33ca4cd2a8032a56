using System.Globalization;
using Release.Delivery.Deploy;
using Release.Engine;
using Release.Stages.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Integrate;

/// <summary>What the Integrate target does: run the tests with the URL, convert the TRX to JUnit and HTML, keep the counts.</summary>
internal sealed class IntegrateStage(IIntegrate build)
{
    private const string TrxName = "integration.trx";

    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.Paths;
        var environment = build.Environment is not null ? build.Environment.Trim()
            : build is IDeploy deploy ? DeployStage.Select(deploy).Name
            : throw new InvalidOperationException("Integrate: pass --environment to name the deployment to test.");
        var deployment = await StageRecord.ReadAsync<DeploymentRecord>(paths.DeploymentRecord(environment), "Deploy", ct).ConfigureAwait(false);
        if (!Uri.TryCreate(deployment.Url, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
            throw new BuildDefinitionException(
                $"Integrate: the deployment to '{environment}' recorded '{deployment.Url}', which is not an HTTP URL to test. " +
                "Declare the environment's Url in the build's Environments.");
        var project = await ProjectAsync(paths, ct).ConfigureAwait(false);
        var variable = build.IntegrationUrlVariable is null
            ? build.Module.ToUpperInvariant().Replace('-', '_') + "_URL"
            : build.IntegrationUrlVariable.Trim();

        using var output = StageOutput.Begin(paths.IntegrationDirectory);
        build.Log.Information(
            $"Testing {deployment.Url} ({build.Module} {deployment.Version} in {environment}) with {project}, {variable}={deployment.Url}");
        var run = await IntegrationTestRun.RunAsync(build, project, output.Staging, TrxName,
            new Dictionary<string, string?> { [variable] = deployment.Url }, ct).ConfigureAwait(false);
        if (run.NoResults is not null) throw new InvalidOperationException("Integrate: " + run.NoResults);
        var results = run.Results;
        var (passed, failed, skipped) = (run.Passed, run.Failed, run.Skipped);

        JUnitReportWriter.Render($"{build.Module} integration tests", results).Save(output.Staging / "junit.xml");
        await File.WriteAllTextAsync(output.Staging / "report.html",
            HtmlReportWriter.Render(
                $"{build.Module} {deployment.Version} integration tests ({environment})",
                deployment.Url,
                results), ct).ConfigureAwait(false);
        await StageRecord.WriteAsync(output.Staging / "summary.json", new IntegrationSummary(passed, failed, skipped, deployment.Url,
            deployment.Environment, deployment.ImageDigest, build.Context.Clock.GetUtcNow()), ct).ConfigureAwait(false);
        output.Commit();

        build.ReportSummary("tests", string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed, {skipped} skipped"));
        if (failed > 0 || run.ExitCode != 0)
            throw new InvalidOperationException(
                $"Integrate: {failed} integration test(s) failed against {deployment.Url}: " +
                string.Join(
                    ", ",
                    results.Where(r => r.Outcome == "Failed").Select(r => r.Name).DefaultIfEmpty($"dotnet test exited with {run.ExitCode}")) +
                $". See {paths.IntegrationDirectory / "report.html"}.");
        // Green must mean something: a project that ran no test proved nothing about the deployment.
        if (passed == 0)
            throw new InvalidOperationException(
                $"Integrate: {project} executed no test against {deployment.Url} ({skipped} skipped): a run that tests nothing is not a pass. " +
                "Check the project's test filter and that it holds tests.");
    }

    // A relative path means the cloned module (what was built) when Clone ran, else the build's own checkout.
    private async Task<string> ProjectAsync(PipelinePaths paths, CancellationToken ct)
    {
        var relative = build.IntegrationTestProjectOrConvention;
        if (Path.IsPathFullyQualified(relative)) return Exists(relative);
        var source = paths.SourceRecord.FileExists()
            ? await PipelineRecords.ReadSourceAsync(paths, ct).ConfigureAwait(false)
            : null;
        var candidates = new[] { source?.Workspace, build.RootDirectory.ToString() }.Where(b => b is not null).Select(b => Path.Combine(b!, relative))
            .ToList();
        return candidates.FirstOrDefault(c => Directory.Exists(c) || File.Exists(c))
            ?? throw new BuildInputException(
                $"Integrate: the integration test project '{relative}' does not exist (looked in {string.Join(" and ", candidates)}). " +
                "Pass --integration-test-project (a folder or .csproj).");
    }

    private static string Exists(string path) => Directory.Exists(path) || File.Exists(path) ? path
        : throw new BuildInputException($"Integrate: the integration test project '{path}' does not exist. Fix --integration-test-project.");
}
