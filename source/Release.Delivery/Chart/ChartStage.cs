using Release.Engine;
using Release.Helm.Charts;
using Release.Helm.Linting;
using Release.Helm.Oci;
using Release.Helm.Packaging;
using Release.Helm.Versioning;
using Release.SemVer;
using Release.Stages.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;
using SeedVersion = Release.Process.Versioning.ChartVersion;

namespace Release.Delivery.Chart;

/// <summary>What the Chart target does: generate, lint, package, index and push the chart, then record it.</summary>
internal sealed class ChartStage(IChart build)
{
    private const string RecordName = "chart.json";

    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.Paths;
        var push = await PipelineRecords.ReadPushAsync(build, ct).ConfigureAwait(false);
        var source = await PipelineRecords.ReadSourceAsync(paths, ct).ConfigureAwait(false);
        var module = build.Module;
        if (!ChartName.IsValid(module))
            throw new BuildInputException($"Chart: module name '{module}' cannot name a chart; pass --module {ChartName.Suggest(module)}.");

        var seedName = SeedName(module, source);
        var version = ChartVersionOf(source, seedName);
        build.Log.Information($"Chart {module} {version} (seed name {seedName}) pinning {push.Image.ByDigest()}");

        // The record and packages belong to one run; the chart sources and index.yaml are maintained across runs.
        using var workspace = StageOutput.BeginFromPrevious(paths.ChartDirectory, relative =>
            relative.Contains(Path.DirectorySeparatorChar) || (relative != RecordName && !relative.EndsWith(".tgz", StringComparison.Ordinal)));
        var chartDirectory = workspace.Staging / module;
        await GenerateAsync(chartDirectory, version, source, push, ct).ConfigureAwait(false);
        await LintAsync(chartDirectory, ct).ConfigureAwait(false);

        var package = await new ChartPackager().PackageAsync(chartDirectory, workspace.Staging, source.CommitDate, ct).ConfigureAwait(false);
        var metadata = await ChartMetadata.LoadAsync(chartDirectory, ct).ConfigureAwait(false);
        build.Log.Information($"Packaged {Path.GetFileName(package.Path)} ({package.Size} bytes, {package.Digest})");
        var outcome = await ChartRepositoryUpdater.AddAsync(
            workspace.Staging / "repo",
            package,
            metadata,
            build.ChartRepositoryUrl,
            source.CommitDate,
            ct).ConfigureAwait(false);
        build.Log.Information($"Chart repository index.yaml: {outcome}");

        var reference = Destination(push, metadata);
        var (manifestDigest, created) = await ChartOciPublisher.PublishAsync(build.RegistryConnections, reference, package, metadata, ct)
            .ConfigureAwait(false);
        build.Log.Information($"{(created ? "Pushed" : "Already published:")} {reference} (manifest {manifestDigest})");

        var packagePath = Path.GetRelativePath(build.RootDirectory, paths.ChartDirectory / Path.GetFileName(package.Path));
        var record = new ChartRecord(
            metadata.Name,
            metadata.Version,
            source.Version,
            packagePath,
            package.Digest,
            reference.WithDigest(manifestDigest),
            seedName,
            push.Image.ByDigest());
        await StageRecord.WriteAsync(workspace.Staging / RecordName, record, ct).ConfigureAwait(false);
        workspace.Commit();

        build.ReportSummary("chart", metadata.Version);
        build.ReportSummary("seed name", seedName);
        build.ReportSummary("oci", reference.ToString());
    }

    // Helm's convention: chart NAME pushed to oci://REGISTRY[/PATH] lives at repository PATH/NAME, tagged with the
    // version whose '+' becomes '_'. Without --chart-registry, charts go to the push registry's charts/ path.
    private OciReference Destination(PushRecord push, ChartMetadata metadata)
    {
        var given = string.IsNullOrWhiteSpace(build.ChartRegistry) ? null : build.ChartRegistry.Trim();
        try
        {
            if (given is null)
                return new OciReference(push.Registry, $"charts/{metadata.Name}", HelmOciReference.TagForVersion(metadata.Version));
            var helm = HelmOciReference.For(given, metadata.Name, metadata.Version);
            return new OciReference(helm.Registry, helm.Repository, helm.Tag);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new BuildInputException(
                $"Chart: --chart-registry '{given ?? "(default: the push registry's charts/)"}' is not usable: {e.Message}",
                e);
        }
    }

    private async Task GenerateAsync(AbsolutePath chartDirectory, string version, SourceRecord source, PushRecord push, CancellationToken ct)
    {
        var spec = new ChartSpec(build.Module, version, source.Version, push.Image.Name, push.Digest)
        {
            ContainerPort = build.ContainerPort ?? 8080,
            HealthPath = build.HealthPath,
            Config = build.ChartConfig,
            Description = $"Deploys {build.Module} (built from {source.ShortCommit})",
        };
        try
        {
            var written = await new ChartGenerator().GenerateAsync(spec, chartDirectory, ct).ConfigureAwait(false);
            build.Log.Information(written.Count == 0 ? "Chart sources unchanged" : $"Chart sources written: {string.Join(", ", written)}");
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Chart: the chart for {build.Module} cannot be generated: {e.Message}", e);
        }
    }

    private async Task LintAsync(AbsolutePath chartDirectory, CancellationToken ct)
    {
        try
        {
            foreach (var warning in await new ChartLinter().EnsureValidAsync(chartDirectory, ct).ConfigureAwait(false))
                build.Log.Warning($"lint: {warning}");
        }
        catch (ChartLintException e)
        {
            throw new InvalidOperationException(
                $"Chart: the chart has lint errors; fix them in {build.Paths.ChartDirectory / build.Module} (team-owned keys) or in the build " +
                    "definition:\n  " +
                string.Join("\n  ", e.Findings), e);
        }
    }

    private string ChartVersionOf(SourceRecord source, string seedName)
    {
        var given = build.ChartVersion?.Trim();
        var text = given ?? source.ChartVersion;
        try
        {
            return HelmVersion.Parse(text, given is null ? $"{build.Paths.SourceRecord}: chartVersion" : "--chart-version").ToString();
        }
        catch (FormatException e)
        {
            var message = $"Chart: '{text}' is not a valid chart version: {e.Message} Helm needs SemVer 2 such as 1.4.0+g0156133; " +
                          $"the seed name '{seedName}' is for display only. ";
            // A bad --chart-version is the user's input (exit 2); a bad version in Clone's record is a failed stage.
            if (given is null) throw new InvalidOperationException(message + "Run Clone again.", e);
            throw new BuildInputException(message + "Fix --chart-version or leave it out to use Clone's version.", e);
        }
    }

    private static string SeedName(string module, SourceRecord source)
    {
        try
        {
            return SeedVersion.From(SemanticVersion.Parse(source.Version), source.ShortCommit).SeedName(module);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Chart: Clone's version '{source.Version}' at '{source.ShortCommit}' cannot name a chart: {e.Message}. Run Clone again.",
                e);
        }
    }
}
