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
/// conventional commits since the newest one, the branch) and computes the version and chart version. A module of an
/// application (<see cref="IClone.SourceFolders"/>) is versioned at the last commit that changed its folders instead
/// of HEAD.
/// </summary>
internal sealed class SourceVersionReader(GitRepository repository, IClone build)
{
    public Task<SourceRecord> ReadAsync(string shownRepository, string? reference, CancellationToken ct)
    {
        // History is read in-process (one open, no git processes); the clone itself stays with the git CLI.
        using var history = GitHistory.Open(repository.Path);
        var at = VersionedCommit(history, ct);
        var head = history.ReadCommit(at);
        var shortSha = history.ShortHash(at);
        var checkedOutBranch = history.CurrentBranch;
        var branch = checkedOutBranch ?? BranchForDetachedHead();
        if (history.IsShallow)
            build.Log.Warning($"The clone is shallow (--clone-depth {build.CloneDepth}): release tags older than the cut are not seen, so the " +
                "version may be too low.");

        var facts = ReleaseTagHistory.Read(history, at, ct: ct);
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

        var tagsAtHead = NewestVersionFirst(history.TagsAt(at));
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

    private const int Shown = 3;

    // HEAD, or for a module of an application the last commit that changed its folders (they are the same at HEAD).
    private string VersionedCommit(GitHistory history, CancellationToken ct)
    {
        if (build.SourceFolders is not { Count: > 0 } folders) return "HEAD";
        var commit = history.LastCommitChanging(folders.Select(f => f.Path).Distinct().ToList(), "HEAD", ct);
        if (commit != history.Resolve("HEAD"))
        {
            var more = folders.Count > Shown ? $" or {folders.Count - Shown} more paths" : "";
            build.Log.Information($"Versioned at {history.ShortHash(commit)}, the last commit changing " +
                $"{string.Join(", ", folders.Take(Shown).Select(f => f.Path))}{more} (HEAD is {history.ShortHash("HEAD")}, which changed none of them)");
        }
        return commit;
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
