namespace Release.Tooling.Git;

/// <summary>
/// A git repository on disk (working tree or bare) driven through the git CLI: typed reads (revisions, branch, tags,
/// describe, log) and, in the other parts of this class, changes (add, commit, tag, push, config). Reading history
/// in bulk goes through <see cref="GitHistory"/> instead, in-process without a process per question.
/// </summary>
public sealed partial class GitRepository
{
    private readonly GitClient _git;

    /// <summary>Wraps the repository at <paramref name="path"/>; nothing is checked until the first command.</summary>
    public GitRepository(string path, GitClient? client = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _git = client ?? new GitClient();
    }

    /// <summary>The repository folder (the working tree, or the bare repository itself).</summary>
    public string Path { get; }

    /// <summary>Resolves a revision to a full commit hash, or a short one with <see cref="GitRevParseSettings.Short"/>.</summary>
    /// <exception cref="GitRefNotFoundException">The revision does not exist.</exception>
    public async Task<string> RevParseAsync(GitRevParseSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await RunAsync(settings.ToArguments(), ct, settings.Revision).ConfigureAwait(false);
        return result.OutputText.Trim();
    }

    /// <summary>Resolves <paramref name="revision"/> (HEAD by default) to the full hash of its commit.</summary>
    public async Task<string> RevParseAsync(string revision = "HEAD", CancellationToken ct = default)
    {
        // "^{commit}" peels an annotated tag to the commit it tags instead of returning the tag object.
        var arguments = new GitRevParseSettings(GitArgumentGuard.Name(revision, nameof(revision)) + "^{commit}").ToArguments();
        var result = await RunAsync(arguments, ct, revision).ConfigureAwait(false);
        return result.OutputText.Trim();
    }

    /// <summary>Returns the checked-out branch, or <c>null</c> when HEAD is detached.</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken ct = default)
    {
        var result = await RunAsync(["branch", "--show-current"], ct).ConfigureAwait(false);
        var branch = result.OutputText.Trim();
        return branch.Length == 0 ? null : branch;
    }

    /// <summary>Lists tag names, e.g. those pointing at HEAD or matching <c>v*</c>.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(GitTagListSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await RunAsync(settings.ToArguments(), ct, settings.PointsAt ?? settings.Merged ?? settings.Contains).ConfigureAwait(false);
        return result.Output.Where(line => line.Length > 0).ToArray();
    }

    /// <summary>Lists the tags pointing at HEAD, newest version first.</summary>
    public Task<IReadOnlyList<string>> TagsAtHeadAsync(CancellationToken ct = default) =>
        ListTagsAsync(new GitTagListSettings { PointsAt = "HEAD", Sort = "-v:refname" }, ct);

    /// <summary>Describes a commit relative to the nearest tag, e.g. <c>v1.2.0-3-gabc1234</c>; <c>null</c> when no tag is reachable.</summary>
    public async Task<string?> DescribeAsync(GitDescribeSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await _git.RunAsync(Path, settings.ToArguments(),
            new GitRunOptions { AllowNonZeroExit = true, Reference = settings.Revision }, ct).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return result.OutputText.Trim();
        }
        if (result.Error.Any(line => line.Contains("No names found", StringComparison.Ordinal) ||
                                     line.Contains("No tags can describe", StringComparison.Ordinal) ||
                                     line.Contains("cannot describe", StringComparison.Ordinal)))
        {
            return null;
        }
        // Anything else (bad revision, not a repository) is a real failure: rerun without tolerance to get the typed error.
        await RunAsync(settings.ToArguments(), ct, settings.Revision).ConfigureAwait(false);
        return null;
    }

    /// <summary>Lists commits (newest first) with author, committer, dates, subject and body.</summary>
    /// <exception cref="GitRefNotFoundException">From or To does not exist.</exception>
    public async Task<IReadOnlyList<GitCommit>> LogAsync(GitLogSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reference = settings.From is null ? settings.To : $"{settings.From}..{settings.To}";
        var result = await RunAsync(settings.ToArguments(), ct, reference).ConfigureAwait(false);
        return GitLogFormat.Parse(result.Output);
    }

    /// <summary>Returns one commit's details (hash, parents, author, committer, message).</summary>
    public async Task<GitCommit> GetCommitAsync(string revision = "HEAD", CancellationToken ct = default)
    {
        var commits = await LogAsync(new GitLogSettings { To = revision, MaxCount = 1 }, ct).ConfigureAwait(false);
        return commits.Single();
    }

    /// <summary>True when the repository is a shallow clone (history cut off at some depth).</summary>
    public async Task<bool> IsShallowAsync(CancellationToken ct = default)
    {
        var result = await RunAsync(["rev-parse", "--is-shallow-repository"], ct).ConfigureAwait(false);
        return result.OutputText.Trim() == "true";
    }

    /// <summary>Fetches from a remote.</summary>
    public async Task FetchAsync(GitFetchSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = await RemoteUrlAsync(settings.Remote, ct).ConfigureAwait(false);
        await _git.RunRemoteAsync(Path, settings.ToArguments(), url, settings.RefSpecs.FirstOrDefault(), ct).ConfigureAwait(false);
    }

    /// <summary>Checks out a branch, tag or commit, or creates a branch.</summary>
    /// <exception cref="GitRefNotFoundException">The target does not exist locally.</exception>
    public Task CheckoutAsync(GitCheckoutSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RunAsync(settings.ToArguments(), ct, settings.Target);
    }

    /// <summary>Returns the URL configured for <paramref name="remote"/>.</summary>
    public async Task<string> RemoteUrlAsync(string remote = "origin", CancellationToken ct = default)
    {
        var result = await RunAsync(["remote", "get-url", GitArgumentGuard.Name(remote, nameof(remote))], ct).ConfigureAwait(false);
        return result.OutputText.Trim();
    }

    private Task<Processes.ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct,
        string? reference = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        _git.RunAsync(Path, arguments, new GitRunOptions
        {
            Reference = reference,
            Environment = environment ?? new Dictionary<string, string?>(),
        }, ct);
}
