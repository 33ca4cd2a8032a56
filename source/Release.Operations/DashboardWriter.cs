using Release.Delivery.Deploy;
using Release.Engine;
using Release.Operations.Dashboard;
using Release.Operations.Delivery;
using Release.Releasing.Overview;

namespace Release.Operations;

/// <summary>
/// What the Dashboard target does: reads every release (verified records, gates, evidence checks), copies each
/// evidence bundle into the site so its links resolve offline, and writes the pages. The site is written to a
/// fresh folder next to <c>artifacts/dashboard/</c> and moved into place, so a failure leaves no half-written site.
/// </summary>
internal sealed class DashboardWriter(IOperations build)
{
    public async Task WriteAsync(CancellationToken ct)
    {
        var states = await ReleaseOverview.ReadAsync(build, ct).ConfigureAwait(false);
        var target = build.ReleasePaths.Stages.Artifacts / "dashboard";
        var staging = new AbsolutePath(target + $".{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(staging);
            var releases = new List<DashboardRelease>();
            foreach (var state in states)
            {
                DashboardEvidence? evidence = null;
                if (state.Evidence is { } check)
                {
                    var relative = $"evidence/{state.Record.Created.Version}";
                    CopyFolder(check.Folder, staging / relative);
                    evidence = new DashboardEvidence($"{relative}/index.html", check.Intact, check.Findings);
                }
                releases.Add(new DashboardRelease(state.Record, state.Refused, state.Gates, build.Gates, state.Channel, evidence));
            }
            var commitTimes = states.Where(s => s.CommitAt is not null).GroupBy(s => s.Record.Created.Commit)
                .ToDictionary(g => g.Key, g => g.First().CommitAt);
            var production = build.PromotionChain.Environments.LastOrDefault(e => e.RequiresBlessing)?.Name
                ?? build.PromotionChain.Environments[^1].Name;
            var figures = DeliveryFigures.From(states.Select(s => s.Record).ToList(), production, commit => commitTimes.GetValueOrDefault(commit));
            var content = new DashboardContent(build.Module, build.Clock.GetUtcNow(), releases, Environments(states), figures,
                OperationsDocuments.Diagrams(build), OperationsDocuments.Definition(build));
            var pages = DashboardSite.Pages(content);
            foreach (var (path, html) in pages) await File.WriteAllTextAsync(staging / path, html, ct).ConfigureAwait(false);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            build.Log.Information($"Dashboard of {states.Count} release(s), {pages.Count} page(s): {target / DashboardSite.IndexPage}");
            build.ReportSummary("dashboard", $"{states.Count} release(s), {figures.Deployments.Count} production deployment(s)");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    // The environments of the chain (and any other declared ones), each with the release it runs now: the last
    // promotion or rollback there. Drift is not checked by the library yet, so every environment says "never checked".
    private List<DashboardEnvironment> Environments(IReadOnlyList<ReleaseState> states)
    {
        var deployments = ReleaseOverview.Deployments(states.Select(s => s.Record).ToList());
        var declared = ((IDeploy)build).Environments.ToList();
        var names = build.PromotionChain.Environments.Select(e => e.Name).Concat(declared.Select(d => d.Name)).Distinct(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var current = deployments.LastOrDefault(d => d.Environment == name);
            return new DashboardEnvironment(
                name,
                declared.FirstOrDefault(d => d.Name == name)?.Deployer,
                current?.ReleaseId,
                current?.Version.ToString(),
                current?.ImageDigest.ToString(),
                current?.DeployedAt);
        }).ToList();
    }

    private static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
