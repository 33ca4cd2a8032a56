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
    public Task<SourceRecord> ReadAsync(string shownRepository, string? reference, CancellationToken ct)
    {
        // History is read in-process (one open, no git processes); the clone itself stays with the git CLI.
        using var history = GitHistory.Open(repository.Path);
        var head = history.ReadCommit("HEAD");
        var shortSha = history.ShortHash("HEAD");
        var checkedOutBranch = history.CurrentBranch;
        var branch = checkedOutBranch ?? BranchForDetachedHead();
        if (history.IsShallow)
            build.Log.Warning($"The clone is shallow (--clone-depth {build.CloneDepth}): release tags older than the cut are not seen, so the " +
                "version may be too low.");

        var facts = ReleaseTagHistory.Read(history, "HEAD", ct: ct);
        var conventional = facts.Commits.Select(c => ConventionalCommitParser.ParseOrOther(c.Message, c.Hash[..7])).ToList();

        var model = Model();
        var type = ReleaseTypeOf(build.ReleaseType);
        var calculator = new VersionCalculator(model);
        CalculatedVersion version;
        try
        {
            version = calculator.Calculate(new VersionInput(facts.Tags.Select(t => t.Version).ToList(), conventional, branch, facts.Commits.Count,
                shortSha, type));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Clone: cannot compute the version of {shownRepository} at {shortSha} on branch '{branch}'" +
                                                (type is null ? "" : $" with --release-type {build.ReleaseType}") + $": {e.Message}", e);
        }
        build.Log.Information($"Version {version.Version} from {(facts.LastStable?.Name ?? "no release tag")} + {facts.Commits.Count} commit(s): " +
            $"{version.Reason}");

        var tagsAtHead = NewestVersionFirst(history.TagsAt("HEAD"));
        var recordedBranch = checkedOutBranch ?? (reference is null ? null : branch);
        return Task.FromResult(new SourceRecord(shownRepository, repository.Path, head.Hash, shortSha, recordedBranch,
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
        });
    }

    // An explicit release type (the seed's words "major" and "minor", or the type's name); null when not given.
    private static ReleaseType? ReleaseTypeOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return ReleaseTypes.FromSeedWord(text); }
        catch (ArgumentException e) { throw new BuildInputException($"--release-type: {e.Message}"); }
    }

    // As `git tag --sort=-v:refname` listed them: version tags newest first, other tags after them in reverse name order.
    private static IReadOnlyList<string> NewestVersionFirst(IReadOnlyList<string> tags) =>
        tags.Select(name => (Name: name, Tag: ReleaseTag.FromName(name)))
            .OrderByDescending(t => t.Tag is not null).ThenByDescending(t => t.Tag?.Version).ThenByDescending(t => t.Name, StringComparer.Ordinal)
            .Select(t => t.Name).ToArray();

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
