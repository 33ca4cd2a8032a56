using LibGit2Sharp;

namespace Release.Tooling.Git;

/// <summary>
/// Reads a repository's history in-process through libgit2: commits, tags, branch, files as they were at a commit.
/// One read used to start a <c>git</c> process per question (about seven for a release's history); this opens the
/// repository once. Changes and anything that talks to a remote (clone, fetch, push) stay with the git CLI in
/// <see cref="GitRepository"/>, which honours credential helpers and <c>--force-with-lease</c>.
/// Not thread-safe: open one per reader, dispose it when done.
/// </summary>
public sealed partial class GitHistory : IDisposable
{
    private readonly Repository _repository;

    private GitHistory(Repository repository, string path)
    {
        _repository = repository;
        Path = path;
    }

    /// <summary>The folder that was opened (a working tree or a bare repository).</summary>
    public string Path { get; }

    /// <summary>Opens the repository holding <paramref name="path"/> (the folder itself or a parent, as git finds it).</summary>
    /// <exception cref="GitRepositoryNotFoundException">No repository holds the folder.</exception>
    public static GitHistory Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var found = Directory.Exists(full) ? Repository.Discover(full) : null;
        if (found is null)
            throw new GitRepositoryNotFoundException(full, $"'{full}' is not a git repository (nor inside one).");
        try
        {
            return new GitHistory(new Repository(found), full);
        }
        catch (RepositoryNotFoundException e)
        {
            throw new GitRepositoryNotFoundException(full, $"'{full}' is not a git repository: {e.Message}", e);
        }
    }

    /// <summary>The checked-out branch, or <c>null</c> when HEAD is detached.</summary>
    public string? CurrentBranch => _repository.Info.IsHeadDetached ? null : _repository.Head.FriendlyName;

    /// <summary>True when the repository is a shallow clone (history cut off at some depth).</summary>
    public bool IsShallow => _repository.Info.IsShallow;

    /// <summary>Resolves a revision (branch, tag, hash, <c>HEAD~2</c>) to the full hash of its commit.</summary>
    /// <exception cref="GitRefNotFoundException">The revision names no commit.</exception>
    public string Resolve(string revision) => CommitOf(revision).Sha;

    /// <summary>The shortest unambiguous abbreviation of the commit, at least <paramref name="length"/> characters (as <c>git rev-parse
    /// --short</c>).</summary>
    public string ShortHash(string revision, int length = 7) =>
        _repository.ObjectDatabase.ShortenObjectId(CommitOf(revision), length);

    /// <summary>One commit's details (hash, parents, author, committer, message).</summary>
    /// <exception cref="GitRefNotFoundException">The revision names no commit.</exception>
    public GitCommit ReadCommit(string revision = "HEAD") => ToCommit(CommitOf(revision));

    /// <summary>
    /// The commits reachable from <paramref name="to"/> but not from <paramref name="from"/> (all history when null),
    /// children before parents and newest first, as <c>git log FROM..TO</c> lists them.
    /// </summary>
    /// <exception cref="GitRefNotFoundException">From or To names no commit.</exception>
    public IReadOnlyList<GitCommit> Commits(string? from, string to, CancellationToken ct = default)
    {
        // Children before parents, then by date: git log's order, also when dates go backwards (rebased or imported commits).
        var filter = new CommitFilter { IncludeReachableFrom = CommitOf(to), SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        if (from is not null) filter.ExcludeReachableFrom = CommitOf(from);
        var commits = new List<GitCommit>();
        foreach (var commit in _repository.Commits.QueryBy(filter))
        {
            ct.ThrowIfCancellationRequested();
            commits.Add(ToCommit(commit));
        }
        return commits;
    }

    /// <summary>The names of the tags whose commit is <paramref name="revision"/> or one of its ancestors (<c>git tag --merged</c>), in name
    /// order.</summary>
    public IReadOnlyList<string> TagsReachableFrom(string revision, CancellationToken ct = default)
    {
        var tagged = TaggedCommits().ToList();
        if (tagged.Count == 0) return [];
        // One walk of the history, stopped as soon as every tagged commit is seen, instead of a merge base per tag.
        var pending = tagged.Select(t => t.Commit.Id).ToHashSet();
        var reachable = new HashSet<ObjectId>();
        foreach (var commit in _repository.Commits
            .QueryBy(new CommitFilter { IncludeReachableFrom = CommitOf(revision), SortBy = CommitSortStrategies.None }))
        {
            ct.ThrowIfCancellationRequested();
            if (pending.Remove(commit.Id)) reachable.Add(commit.Id);
            if (pending.Count == 0) break;
        }
        return tagged.Where(t => reachable.Contains(t.Commit.Id)).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The names of the tags pointing at <paramref name="revision"/>'s commit (<c>git tag --points-at</c>), in name order.</summary>
    public IReadOnlyList<string> TagsAt(string revision)
    {
        var target = CommitOf(revision).Sha;
        return TaggedCommits().Where(t => t.Commit.Sha == target).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors (<c>git merge-base
    /// --is-ancestor</c>).</summary>
    public bool Contains(string descendant, string ancestor)
    {
        var (older, newer) = (CommitOf(ancestor), CommitOf(descendant));
        return older.Sha == newer.Sha || IsAncestor(older, newer);
    }

    /// <summary>
    /// The commits from HEAD that changed <paramref name="relativePath"/> (added, modified or deleted it), oldest first,
    /// as <c>git log --reverse -- PATH</c> lists them on a history without merges. Empty when HEAD is unborn.
    /// </summary>
    public IReadOnlyList<string> CommitsChanging(string relativePath, CancellationToken ct = default)
    {
        if (_repository.Head.Tip is not { } tip) return [];
        var changes = new List<string>();
        foreach (var commit in _repository.Commits
            .QueryBy(new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time }))
        {
            ct.ThrowIfCancellationRequested();
            var blob = commit[relativePath]?.Target.Id;
            var parents = commit.Parents.ToList();
            var changed = parents.Count == 0 ? blob is not null : parents.All(p => p[relativePath]?.Target.Id != blob);
            if (changed) changes.Add(commit.Sha);
        }
        changes.Reverse();
        return changes;
    }

    /// <summary>The text of <paramref name="relativePath"/> as it was at <paramref name="revision"/>, or <c>null</c> when it did not exist
    /// there.</summary>
    public string? FileAt(string revision, string relativePath) =>
        CommitOf(revision)[relativePath]?.Target is Blob blob ? blob.GetContentText() : null;

    /// <inheritdoc />
    public void Dispose() => _repository.Dispose();

    private bool IsAncestor(Commit ancestor, Commit descendant) =>
        _repository.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Sha == ancestor.Sha;

    // Tags on anything but a commit (a tree, a blob) have no place in history and are left out, as git's --merged does.
    private IEnumerable<(string Name, Commit Commit)> TaggedCommits() =>
        _repository.Tags.Select(t => (t.FriendlyName, Commit: t.PeeledTarget as Commit)).Where(t => t.Commit is not null)!;

    private Commit CommitOf(string revision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        GitObject? found;
        try { found = _repository.Lookup(revision + "^{commit}"); }
        catch (LibGit2SharpException) { found = null; }
        return found as Commit
               ?? throw new GitRefNotFoundException(revision, Path, $"'{revision}' names no commit in the repository at {Path}.");
    }

    // The subject is the message's first paragraph on one line and the body the rest, as git log's %s and %b give them.
    private static GitCommit ToCommit(Commit commit)
    {
        var message = commit.Message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        var split = message.IndexOf("\n\n", StringComparison.Ordinal);
        var subject = split < 0 ? message : message[..split];
        var body = split < 0 ? "" : message[(split + 2)..].TrimStart('\n').TrimEnd('\n', ' ');
        return new GitCommit(
            commit.Sha,
            commit.Parents.Select(p => p.Sha).ToArray(),
            new GitIdentity(commit.Author.Name, commit.Author.Email) { Date = commit.Author.When },
            new GitIdentity(commit.Committer.Name, commit.Committer.Email) { Date = commit.Committer.When },
            string.Join(' ', subject.Split('\n').Select(line => line.Trim())),
            body);
    }
}
