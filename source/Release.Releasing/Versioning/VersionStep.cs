using Release.Engine;
using Release.Process.Versioning;
using Release.Releasing.Common;
using Release.SemVer;
using Release.Stages.Pipeline;
using Release.Tooling.Git;
using Kind = Release.Process.Versioning.ReleaseType;

namespace Release.Releasing.Versioning;

/// <summary>What the Version target does.</summary>
internal sealed class VersionStep(IVersioning build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        var source = await StageRecord.ReadAsync<SourceRecord>(paths.Stages.SourceRecord, "Clone", ct);
        var type = ParseReleaseType(build.ReleaseType);
        var facts = await ReleaseCommits.ReadAsync(source.Workspace, source.Commit, ct);
        var branch = source.Branch ?? build.VersionBranch
            ?? build.Context.Environment.GetValueOrDefault("CI_COMMIT_REF_NAME") ?? build.Context.Environment.GetValueOrDefault("BUILD_SOURCEBRANCHNAME") ?? "detached";
        var model = Model(build.BranchModel);
        CalculatedVersion calculated;
        try
        {
            calculated = new VersionCalculator(model).Calculate(new VersionInput(
                facts.Tags.Select(t => t.Version).ToArray(), facts.Conventional, branch, facts.Commits.Count, source.ShortCommit, type));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ReleaseRefusedException($"Version: cannot compute the version of commit {source.ShortCommit} on '{branch}'" +
                                              (type is null ? "" : $" with --release-type {build.ReleaseType}") + $": {e.Message}", e);
        }

        var version = calculated.Version.ToString();
        if (type is null && version != source.Version)
        {
            build.Log.Warning($"Clone recorded version {source.Version}, the release process computes {version}; keeping Clone's (stages already used it).");
            version = source.Version;
        }
        var chart = type is null ? source.ChartVersion : calculated.ToChartVersion().ToString();
        if (type is not null && (version != source.Version || chart != source.ChartVersion))
        {
            build.Log.Information($"Release type {type} changes the version from {source.Version} to {version}; updating {paths.Stages.SourceRecord}");
            await StageRecord.WriteAsync(paths.Stages.SourceRecord, source with { Version = version, ChartVersion = chart }, ct);
        }

        var tags = ImageTags.From(SemanticVersion.Parse(version), source.ShortCommit, calculated.Channel);
        var record = new VersionRecord(version, chart, calculated.BaseVersion.ToString(), calculated.Bump.ToString(), calculated.Channel.ToString(),
            calculated.Branch.Branch, model.Name, source.Commit, source.ShortCommit, type?.ToString(), calculated.Reason, tags.All);
        await StageRecord.WriteAsync(paths.VersionRecord, record, ct);
        build.Log.Information($"Version {version} ({calculated.Channel}, base {calculated.BaseVersion}, {calculated.Bump} bump): {calculated.Reason}");
        build.ReportSummary("version", version);
        build.ReportSummary("channel target", calculated.Channel.ToString());
    }

    /// <summary>The seed word or release type name; null when not given.</summary>
    public static Kind? ParseReleaseType(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return ReleaseTypes.FromSeedWord(text); }
        catch (ArgumentException e) { throw new BuildInputException($"--release-type: {e.Message}"); }
    }

    /// <summary>The branch model named by <c>--branch-model</c>.</summary>
    public static BranchModel Model(string name)
    {
        try { return BranchModel.Named(name); }
        catch (ArgumentException e) { throw new BuildInputException($"--branch-model: {e.Message}"); }
    }
}
