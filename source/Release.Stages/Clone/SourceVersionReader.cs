using Release.Process.Versioning;
using Release.SemVer;
using Release.Stages.Pipeline;
using Release.Tooling.Git;
using Release.Engine;

namespace Release.Stages.Clone;

/// <summary>
/// Reads what the version calculator needs from a checked-out repository (release tags reachable from HEAD, the
/// conventional commits since the newest one, the branch) and computes the version and chart version.
/// </summary>
internal sealed class SourceVersionReader(GitRepository repository, IClone build)
{
    public async Task<SourceRecord> ReadAsync(string shownRepository, string? reference, CancellationToken ct)
    {
        var head = await repository.GetCommitAsync("HEAD", ct);
        var shortSha = await repository.RevParseAsync(new GitRevParseSettings("HEAD") { Short = 7 }, ct);
        var checkedOutBranch = await repository.CurrentBranchAsync(ct);
        var branch = checkedOutBranch ?? BranchForDetachedHead();
        if (await repository.IsShallowAsync(ct))
            build.Log.Warning($"The clone is shallow (--clone-depth {build.CloneDepth}): release tags older than the cut are not seen, so the version may be too low.");

        var releaseTags = await ReachableReleaseTagsAsync(ct);
        var lastRelease = releaseTags.Where(t => !t.Version.IsPreRelease).OrderByDescending(t => t.Version).FirstOrDefault();
        var commits = await repository.LogAsync(new GitLogSettings { From = lastRelease.Name, To = "HEAD" }, ct);
        var conventional = commits.Select(c => ConventionalCommitParser.ParseOrOther(c.Message, c.Hash[..7])).ToList();

        var calculator = new VersionCalculator(Model());
        CalculatedVersion version;
        try
        {
            version = calculator.Calculate(new VersionInput(releaseTags.Select(t => t.Version).ToList(), conventional, branch, commits.Count, shortSha));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Clone: cannot compute the version of {shownRepository} at {shortSha} on branch '{branch}': {e.Message}", e);
        }
        build.Log.Information($"Version {version.Version} from {(lastRelease.Name ?? "no release tag")} + {commits.Count} commit(s): {version.Reason}");

        var tagsAtHead = await repository.TagsAtHeadAsync(ct);
        return new SourceRecord(shownRepository, repository.Path, head.Hash, shortSha, checkedOutBranch ?? (reference is null ? null : branch),
            tagsAtHead, head.Author.Name, head.Author.Email, head.Committer.Date ?? head.Author.Date ?? DateTimeOffset.UnixEpoch,
            version.Version.ToString(), version.ToChartVersion().ToString());
    }

    // Tags that are not versions (e.g. "deployed-prod") are ignored rather than failing the build.
    private async Task<List<(string? Name, SemanticVersion Version)>> ReachableReleaseTagsAsync(CancellationToken ct)
    {
        var tags = await repository.ListTagsAsync(new GitTagListSettings { Merged = "HEAD" }, ct);
        var versions = new List<(string? Name, SemanticVersion Version)>();
        foreach (var tag in tags)
        {
            var text = tag.StartsWith('v') || tag.StartsWith('V') ? tag[1..] : tag;
            if (SemanticVersion.TryParse(text, out var version, out _) && version!.BuildMetadata.Count == 0)
                versions.Add((tag, version));
        }
        return versions;
    }

    private string BranchForDetachedHead()
    {
        var fromCi = build.VersionBranch
            ?? build.Context.Environment.GetValueOrDefault("CI_COMMIT_REF_NAME")
            ?? build.Context.Environment.GetValueOrDefault("BUILD_SOURCEBRANCHNAME");
        if (!string.IsNullOrWhiteSpace(fromCi)) return fromCi;
        build.Log.Warning("HEAD is detached and no branch was given (--version-branch): versioning as branch 'detached'.");
        return "detached";
    }

    private BranchModel Model()
    {
        try { return Process.Versioning.BranchModel.Named(build.BranchModel); }
        catch (ArgumentException e) { throw new BuildInputException($"--branch-model: {e.Message}"); }
    }
}
