using Release.Process.Versioning;
using Release.SemVer;
using Release.Tooling.Git;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

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

        var model = Model();
        var type = ReleaseTypeOf(build.ReleaseType);
        var calculator = new VersionCalculator(model);
        CalculatedVersion version;
        try
        {
            version = calculator.Calculate(new VersionInput(releaseTags.Select(t => t.Version).ToList(), conventional, branch, commits.Count, shortSha, type));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Clone: cannot compute the version of {shownRepository} at {shortSha} on branch '{branch}'" +
                                                (type is null ? "" : $" with --release-type {build.ReleaseType}") + $": {e.Message}", e);
        }
        build.Log.Information($"Version {version.Version} from {(lastRelease.Name ?? "no release tag")} + {commits.Count} commit(s): {version.Reason}");

        var tagsAtHead = await repository.TagsAtHeadAsync(ct);
        return new SourceRecord(shownRepository, repository.Path, head.Hash, shortSha, checkedOutBranch ?? (reference is null ? null : branch),
            tagsAtHead, head.Author.Name, head.Author.Email, head.Committer.Date ?? head.Author.Date ?? DateTimeOffset.UnixEpoch,
            version.Version.ToString(), version.ToChartVersion().ToString())
        {
            // The version, chart version and image tag are computed here once; every later stage reads them from the record.
            ImageTag = version.ToChartVersion().ToOciTag(),
            Channel = version.Channel.ToString(),
            BaseVersion = version.BaseVersion.ToString(),
            Bump = version.Bump.ToString(),
            BranchModel = model.Name,
            VersionBranch = version.Branch.Branch,
            ReleaseType = type?.ToString(),
            VersionReason = version.Reason,
            ImageTags = version.ToImageTags().All,
        };
    }

    // An explicit release type (the seed's words "major" and "minor", or the type's name); null when not given.
    private static ReleaseType? ReleaseTypeOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return ReleaseTypes.FromSeedWord(text); }
        catch (ArgumentException e) { throw new BuildInputException($"--release-type: {e.Message}"); }
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

    private BranchModel Model() => build.BranchModel.Trim().ToLowerInvariant() switch
    {
        "git-flow" or "gitflow" => Process.Versioning.BranchModel.GitFlow(),
        "trunk-based" or "trunk" => Process.Versioning.BranchModel.TrunkBased(),
        var other => throw new BuildInputException($"--branch-model '{other}' is unknown. Use git-flow or trunk-based."),
    };
}
