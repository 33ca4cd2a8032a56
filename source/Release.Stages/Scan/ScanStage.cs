using Release.Engine;
using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Reports;
using Release.Scanning.Sbom;
using Release.Stages.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Scan;

/// <summary>
/// What the Scan target does: validate the policy inputs, make both SBOMs, query the sources, write the reports, then
/// fail when the verdict says so. Reports of a failing scan are written in full, so CI can show what blocked it.
/// </summary>
internal sealed class ScanStage(IScan build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.Paths;
        var source = await PipelineRecords.ReadSourceAsync(paths, ct).ConfigureAwait(false);
        var image = await StageRecord.ReadAsync<ImageRecord>(paths.ImageRecord, "Build", ct).ConfigureAwait(false);
        if (build.MaxAdvisoryAgeDays < 0)
            throw new BuildInputException($"--max-advisory-age-days is {build.MaxAdvisoryAgeDays}: give a number of days, 0 or more (default 7).");
        var policy = new ScanPolicy(build.FailSeverity, build.AcceptMissingAdvisoryData, await ReadAllowlistAsync(ct).ConfigureAwait(false));

        using var output = StageOutput.Begin(paths.ScanDirectory);
        var clock = TimeProvider.System;
        var app = await ProjectAssetsReader.ReadAsync(paths.ProjectAssets, ct).ConfigureAwait(false);
        var appSbom = SoftwareBillOfMaterials.Create(build.Module, source.Version, SbomSubjectKind.Application, app);
        var os = await ImagePackages.ReadAsync(paths.ImageLayout, image.Tag, new LayerPackageCache(paths.CacheDirectory / "layer-packages"),
            ct).ConfigureAwait(false);
        var imageName = image.Image.Name;
        var imageSbom = SoftwareBillOfMaterials.Create(imageName, image.Tag, SbomSubjectKind.Container, os.Concat(app));
        var writer = new CycloneDxWriter(clock);
        await writer.WriteFileAsync(appSbom, output.Staging / "sbom-app.cdx.json", ct).ConfigureAwait(false);
        await writer.WriteFileAsync(imageSbom, output.Staging / "sbom-image.cdx.json", ct).ConfigureAwait(false);
        build.Log.Information($"SBOMs: {appSbom.Components.Count} application component(s), {imageSbom.Components.Count} image component(s) " +
            $"({os.Count} Debian package(s))");

        var scratch = (output.Staging / ".scratch").CreateDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var sources = await AdvisorySources.CreateAsync(build, http, scratch, ct).ConfigureAwait(false);
        var scanned = await new VulnerabilityScanner(clock, build.Log.Information).ScanAsync(imageSbom.Components, sources, policy,
            ct).ConfigureAwait(false);
        Directory.Delete(scratch, recursive: true);
        // How old the data is, from the data itself (the quality gate's freshness rule): "nothing found" against old
        // data is said in the verdict and in every report.
        var dataAsOf = await AdvisoryDataAsOf.ForAsync(sources, build.OsvDirectory, ct).ConfigureAwait(false);
        var outcome = ScanFreshness.Apply(scanned,
            AdvisoryDataAsOf.Judge(scanned.Sources, dataAsOf, scanned.FinishedAt, TimeSpan.FromDays(build.MaxAdvisoryAgeDays)));

        var context = new ScanReportContext(build.Module, source.Version, $"{imageName}:{image.Tag}", ImagePackages.OperatingSystem(os),
            paths.ProjectAssets.RelativeTo(build.RootDirectory))
        {
            // SARIF results point at the package's line in it.
            ArtifactText = File.Exists(paths.ProjectAssets) ? await File.ReadAllTextAsync(paths.ProjectAssets, ct).ConfigureAwait(false) : null,
        };
        await SarifReportWriter.WriteFileAsync(outcome, context, output.Staging / ScanReportFiles.Sarif, ct).ConfigureAwait(false);
        await GitLabContainerScanningReportWriter.WriteFileAsync(outcome, context, output.Staging / ScanReportFiles.GitLab, ct).ConfigureAwait(false);
        var summary = ScanSummary.From(outcome);
        await File.WriteAllTextAsync(output.Staging / paths.ScanSummary.Name,
            AdvisoryDataAsOf.AddTo(ScanSummaryWriter.Write(summary), outcome.FinishedAt, dataAsOf), ct).ConfigureAwait(false);
        output.Commit();

        var counts = string.Join(", ", summary.CountsBySeverity.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}"));
        build.Log.Information($"Vulnerabilities: {counts}; verdict {outcome.VerdictText}");
        build.ReportSummary("vulnerabilities", counts);
        build.ReportSummary("verdict", outcome.VerdictText);
        foreach (var stale in outcome.StaleData)
            build.Log.Warning($"STALE ADVISORY DATA: {stale.Warning()} (--max-advisory-age-days {build.MaxAdvisoryAgeDays})");
        foreach (var missing in summary.SourcesWithoutData)
            build.Log.Warning($"NOT CLEAN: {missing.Name} gave no advisory data ({missing.Reason}).");
        if (!outcome.Succeeded)
            throw new InvalidOperationException(
                $"Scan: failed at {policy.FailAtOrAbove} or above (--fail-severity): {string.Join(" ", outcome.Reasons)} Reports are in " +
                    $"{paths.ScanDirectory}.");
    }

    // Read before anything is written: a bad allowlist is bad input and leaves no reports behind.
    private async Task<IReadOnlyList<AllowlistEntry>> ReadAllowlistAsync(CancellationToken ct)
    {
        if (build.Allowlist is not { } file) return [];
        try
        {
            return await new AllowlistReader(TimeProvider.System).ReadAsync(file, ct).ConfigureAwait(false);
        }
        catch (AllowlistException e)
        {
            throw new BuildInputException($"Scan: the allowlist (--allowlist) cannot be used: {e.Message}", e);
        }
    }
}
