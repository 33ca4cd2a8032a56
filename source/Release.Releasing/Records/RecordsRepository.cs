using Release.Engine;
using Release.Process.Signing;
using Release.Releasing.Common;
using Release.Stages.Clone;
using Release.Tooling.Git;
using Release.Tooling.Processes;

namespace Release.Releasing.Records;

/// <summary>
/// A fresh checkout of the release records repository (branch <c>main</c>, whatever the remote's default branch).
/// Every change is one commit, pushed at once; when someone else pushed first, the checkout is reset to theirs and the
/// change is decided again on the new state, so concurrent votes never overwrite each other and every round lets at
/// least one writer through (N writers at once all land within N rounds). Nothing is pushed when a change is refused.
/// Opening checks the history still contains the head last seen here (<see cref="RecordsAnchor"/>). The checkout
/// folder is deleted on dispose.
/// </summary>
internal sealed class RecordsRepository : IAsyncDisposable
{
    private const string Branch = "main";
    // Each round at least one concurrent writer wins, so this bounds how many may record at the same moment.
    private const int PushAttempts = 32;
    private static readonly string[] CiVariables = ["CI", "GITLAB_CI", "TF_BUILD"];
    private readonly GitClient _git;

    private readonly RecordsAnchor _anchor;

    private RecordsRepository(GitClient git, AbsolutePath path, string shown, RecordsAnchor anchor)
    {
        _git = git;
        Path = path;
        Shown = shown;
        _anchor = anchor;
    }

    /// <summary>What signs this command's records (from --signing-key), or null when none was given.</summary>
    public IMessageSigner? Signer { get; private init; }

    /// <summary>True when the build's rosters name keys, so every recorded event must be signed.</summary>
    public bool SigningRequired { get; private init; }

    /// <summary>The checkout folder.</summary>
    public AbsolutePath Path { get; }

    /// <summary>The repository as shown in messages (credentials removed).</summary>
    public string Shown { get; }

    /// <summary>Clones the records repository; the default local bare repository is created on first use.</summary>
    public static async Task<RecordsRepository> OpenAsync(IReleaseProcess build, CancellationToken ct)
    {
        RecordTrust.CheckConfiguration(build);
        var git = new GitClient(secrets: build.Context.Secrets.Secrets);
        var paths = build.ReleasePaths;
        string location;
        if (build.ReleaseRecords is null)
        {
            if (CiVariables.FirstOrDefault(
                v => build.Context.Environment.TryGetValue(v, out var value) && !string.IsNullOrWhiteSpace(value) && value != "false") is { } ci)
                throw new BuildInputException(
                    $"This job runs in CI ({ci} is set) but has no shared release records repository: the default one under .nuke/temp dies with " +
                        "the job, " +
                    "so votes and records would never reach it. Set the CI variable RELEASE_RECORDS (or pass --release-records) to the records " +
                        "repository's URL.");
            location = paths.DefaultRecordsRepository;
            await CreateDefaultAsync(git, location, ct).ConfigureAwait(false);
        }
        else
        {
            location = RepositoryLocation.Resolve(build.ReleaseRecords, build.RootDirectory);
            if (!location.Contains("://", StringComparison.Ordinal) && System.IO.Path.IsPathFullyQualified(location) && !Directory.Exists(location))
                throw new BuildInputException(
                    $"The release records repository '{location}' (--release-records) does not exist. Create it (git init --bare) or pass an " +
                        "existing repository.");
        }
        var shown = RepositoryLocation.Redact(location);
        var checkout = paths.RecordsCheckouts / Guid.NewGuid().ToString("N");
        try
        {
            await git.CloneAsync(new GitCloneSettings(location, checkout), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitRepositoryNotFoundException or ProcessFailedException)
        {
            throw new ReleaseRefusedException($"The release records repository '{shown}' (--release-records) cannot be cloned: {e.Message}", e);
        }
        var repository = new RecordsRepository(git, checkout, shown, new RecordsAnchor(paths.RecordsAnchors, location))
        {
            Signer = build.SigningKey is null
                ? null
                : await SshKeygenSigner.OpenAsync(build.SigningKey.Trim(), build.Processes, ct).ConfigureAwait(false),
            SigningRequired = RecordTrust.SigningRequired(build),
        };
        await repository.CheckOutBranchAsync(ct).ConfigureAwait(false);
        await repository.CheckAnchorAsync(ct).ConfigureAwait(false);
        return repository;
    }

    // The default repository is made in a folder of its own and moved into place in one rename, so parallel targets
    // and parallel runs never clone a half-made repository: whoever renames first wins, the others use theirs.
    private static async Task CreateDefaultAsync(GitClient git, string location, CancellationToken ct)
    {
        if (Directory.Exists(location)) return;
        var parent = System.IO.Path.GetDirectoryName(location)!;
        Directory.CreateDirectory(parent);
        var making = System.IO.Path.Combine(parent, $".release-records-{Guid.NewGuid():N}.tmp");
        await git.InitAsync(new GitInitSettings(making) { Bare = true, InitialBranch = Branch }, ct).ConfigureAwait(false);
        try { Directory.Move(making, location); }
        catch (IOException) when (Directory.Exists(location)) { Directory.Delete(making, recursive: true); }
    }

    // Works on 'main' even when the remote's HEAD names another branch (a repository made with `git init --bare`
    // where init.defaultBranch is master): the clone then checks out nothing, and records must still be read from
    // and pushed to main.
    private async Task CheckOutBranchAsync(CancellationToken ct)
    {
        var remote = await _git.RunAsync(
            Path,
            ["rev-parse", "--verify", "--quiet", $"refs/remotes/origin/{Branch}"],
            new GitRunOptions { AllowNonZeroExit = true },
            ct).ConfigureAwait(false);
        if (remote.ExitCode == 0)
            await RunAsync(["checkout", "--quiet", "-B", Branch, $"refs/remotes/origin/{Branch}"], ct).ConfigureAwait(false);
        else
            await RunAsync(["symbolic-ref", "HEAD", $"refs/heads/{Branch}"], ct).ConfigureAwait(false);
    }

    // Reads go through libgit2 in-process; the clone, fetch and push above and below stay with the git CLI.
    private Task<string?> HeadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var history = GitHistory.Open(Path);
        try { return Task.FromResult<string?>(history.Resolve("HEAD")); }
        catch (GitRefNotFoundException) { return Task.FromResult<string?>(null); } // nothing recorded yet
    }

    // A head that does not contain the one last seen here means the history was rewritten (force-push, dropped events).
    // Our clone may only be behind: another run on this machine may have pushed and anchored since we cloned, so the
    // remote's current head is asked before anything is called a rewrite.
    private async Task CheckAnchorAsync(CancellationToken ct)
    {
        var head = await HeadAsync(ct).ConfigureAwait(false);
        if (await _anchor.ReadAsync(ct).ConfigureAwait(false) is { } anchored && anchored != head
            && (head is null || !await ContainsAsync(anchored, head, ct).ConfigureAwait(false)))
        {
            if (await RemoteHeadAsync(ct).ConfigureAwait(false) is { } remote && await ContainsAsync(anchored, remote, ct).ConfigureAwait(false)) return; // behind, not rewritten
            throw new ReleaseRefusedException(
                $"The release records repository '{Shown}' was rewritten: its branch '{Branch}' is now {(head is null ? "empty" : head[..12])}, " +
                    "and no longer " +
                $"contains {anchored[..12]}, the head this machine saw last. Records are append-only, so nothing will be granted from it. An " +
                    "operator must " +
                $"resolve it: push the lost history back (git push --force REPOSITORY {anchored}:refs/heads/{Branch} from a clone that has it), " +
                    "or, after " +
                $"reviewing the new history, accept it by deleting {_anchor.File}.");
        }
        if (head is not null) await AnchorAsync(head, ct).ConfigureAwait(false);
    }

    // The anchor only moves forward: a head that does not contain the current anchor (an older clone's) is not written.
    private async Task AnchorAsync(string head, CancellationToken ct)
    {
        if (await _anchor.ReadAsync(ct).ConfigureAwait(false) is { } anchored && anchored != head
            && !await ContainsAsync(anchored, head, ct).ConfigureAwait(false)) return;
        await _anchor.WriteAsync(head, ct).ConfigureAwait(false);
    }

    // An anchor this clone does not have at all (the history was rewritten without it) is not contained either.
    private Task<bool> ContainsAsync(string ancestor, string head, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var history = GitHistory.Open(Path);
        try { return Task.FromResult(history.Contains(head, ancestor)); }
        catch (GitRefNotFoundException) { return Task.FromResult(false); }
    }

    private async Task<string?> RemoteHeadAsync(CancellationToken ct)
    {
        try { await new GitRepository(Path, _git).FetchAsync(new GitFetchSettings { Remote = "origin", RefSpecs = [Branch] }, ct)
            .ConfigureAwait(false); }
        catch (ProcessFailedException) { return null; }
        var fetched = await _git.RunAsync(Path, ["rev-parse", "--verify", "--quiet", "FETCH_HEAD"], new GitRunOptions { AllowNonZeroExit = true }, ct)
            .ConfigureAwait(false);
        return fetched.ExitCode == 0 ? fetched.OutputText.Trim() : null;
    }

    /// <summary>The text of a file in the checkout, or null when it does not exist.</summary>
    public async Task<string?> ReadAsync(string relative, CancellationToken ct)
    {
        var file = Path / relative;
        return file.FileExists() ? await File.ReadAllTextAsync(file, ct).ConfigureAwait(false) : null;
    }

    /// <summary>Every file under a folder of the checkout, relative paths.</summary>
    public IReadOnlyList<string> List(string folder, string pattern) =>
        Directory.Exists(Path / folder)
            ? Directory.GetFiles(Path / folder, pattern).Select(f => folder + "/" + System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal)
                .ToArray()
            : [];

    /// <summary>The file's content at every commit that changed it, oldest first (the audit trail).</summary>
    public Task<IReadOnlyList<(string Commit, string Text)>> HistoryAsync(string relative, CancellationToken ct)
    {
        using var history = GitHistory.Open(Path);
        var versions = new List<(string, string)>();
        foreach (var commit in history.CommitsChanging(relative, ct))
        {
            // The commit that deleted the file has no text of it: the trail lists the versions that existed.
            if (history.FileAt(commit, relative) is { } text) versions.Add((commit, text));
        }
        return Task.FromResult<IReadOnlyList<(string, string)>>(versions);
    }

    /// <summary>
    /// Runs <paramref name="change"/> (which writes files and returns the commit message, or null for "nothing to
    /// do"), commits as <paramref name="actor"/> and pushes; on rejection resets to the remote and runs it again.
    /// </summary>
    public async Task<bool> CommitAsync(string actor, Func<CancellationToken, Task<string?>> change, CancellationToken ct)
    {
        var identity = new GitIdentity(NameOf(actor), actor.Contains('@') ? actor : actor + "@release-records");
        var repository = new GitRepository(Path, _git);
        for (var attempt = 1; ; attempt++)
        {
            var message = await change(ct).ConfigureAwait(false);
            if (message is null) return false;
            await RunAsync(["add", "--all"], ct).ConfigureAwait(false);
            await _git.RunAsync(Path, new GitCommitSettings(message) { Author = identity, Committer = identity }.ToArguments(),
                new GitRunOptions { Environment = new Dictionary<string, string?>(identity.ToEnvironment("COMMITTER")) }, ct).ConfigureAwait(false);
            if (await PushAsync(repository, ct).ConfigureAwait(false))
            {
                if (await HeadAsync(ct).ConfigureAwait(false) is { } head) await AnchorAsync(head, ct).ConfigureAwait(false);
                return true;
            }
            if (attempt == PushAttempts)
                throw new ReleaseRefusedException(
                    $"The release records repository '{Shown}' moved on {attempt} times while this change was pushing (the record was not " +
                        "changed): " +
                        "others are recording at the same moment. Retry when they are done.");
            // Someone else recorded first: their change is taken as it is and ours is made again on top of it.
            await repository.ResetToRemoteAsync("origin", Branch, ct).ConfigureAwait(false);
            await CheckAnchorAsync(ct).ConfigureAwait(false);
        }
    }

    // False when someone else pushed first; a refusal for any other reason (credentials, a protected branch) is final.
    private async Task<bool> PushAsync(GitRepository repository, CancellationToken ct)
    {
        try
        {
            return await repository.TryPushAsync(new GitPushSettings { RefSpecs = [$"HEAD:refs/heads/{Branch}"] }, ct).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            throw new ReleaseRefusedException(
                $"The release records repository '{Shown}' refused the push (the record was not changed). Check the credentials in " +
                    "--release-records " +
                    $"and that the branch '{Branch}' accepts pushes.\n{e.Message}", e);
        }
    }

    private static string NameOf(string actor)
    {
        var name = actor.Split('@')[0].Trim();
        return name.Length == 0 ? "release-process" : new string(name.Where(c => c is not '<' and not '>' and not '\n').ToArray());
    }

    private Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct) => _git.RunAsync(Path, arguments, ct: ct);

    /// <summary>Deletes the checkout.</summary>
    public ValueTask DisposeAsync()
    {
        try { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
