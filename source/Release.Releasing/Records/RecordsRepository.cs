using Release.Engine;
using Release.Releasing.Common;
using Release.Stages.Clone;
using Release.Tooling.Git;
using Release.Tooling.Processes;

namespace Release.Releasing.Records;

/// <summary>
/// A fresh checkout of the release records repository (branch <c>main</c>). Every change is one commit, pushed at
/// once; when someone else pushed first, the checkout is reset to theirs and the change is decided again on the new
/// state, so concurrent votes never overwrite each other. Nothing is pushed when a change is refused. The checkout
/// folder is deleted on dispose.
/// </summary>
internal sealed class RecordsRepository : IAsyncDisposable
{
    private const string Branch = "main";
    private const int PushAttempts = 5;
    private readonly GitClient _git;

    private RecordsRepository(GitClient git, AbsolutePath path, string shown)
    {
        _git = git;
        Path = path;
        Shown = shown;
    }

    /// <summary>The checkout folder.</summary>
    public AbsolutePath Path { get; }

    /// <summary>The repository as shown in messages (credentials removed).</summary>
    public string Shown { get; }

    /// <summary>Clones the records repository; the default local bare repository is created on first use.</summary>
    public static async Task<RecordsRepository> OpenAsync(IReleaseProcess build, CancellationToken ct)
    {
        var git = new GitClient(secrets: build.Context.Secrets.Secrets);
        var paths = build.ReleasePaths;
        string location;
        if (string.IsNullOrWhiteSpace(build.ReleaseRecords))
        {
            location = paths.DefaultRecordsRepository;
            if (!Directory.Exists(location))
                await git.InitAsync(new GitInitSettings(location) { Bare = true, InitialBranch = Branch }, ct);
        }
        else
        {
            location = RepositoryLocation.Resolve(build.ReleaseRecords, build.RootDirectory);
            if (!location.Contains("://", StringComparison.Ordinal) && System.IO.Path.IsPathFullyQualified(location) && !Directory.Exists(location))
                throw new ReleaseRefusedException(
                    $"The release records repository '{location}' (--release-records) does not exist. Create it (git init --bare) or pass an existing repository.");
        }
        var shown = RepositoryLocation.Redact(location);
        var checkout = paths.RecordsCheckouts / Guid.NewGuid().ToString("N");
        try
        {
            await git.CloneAsync(new GitCloneSettings(location, checkout), ct);
        }
        catch (Exception e) when (e is GitRepositoryNotFoundException or ProcessFailedException)
        {
            throw new ReleaseRefusedException($"The release records repository '{shown}' (--release-records) cannot be cloned: {e.Message}", e);
        }
        var repository = new RecordsRepository(git, checkout, shown);
        await repository.RunAsync(["symbolic-ref", "HEAD", $"refs/heads/{Branch}"], ct);
        return repository;
    }

    /// <summary>The text of a file in the checkout, or null when it does not exist.</summary>
    public async Task<string?> ReadAsync(string relative, CancellationToken ct)
    {
        var file = Path / relative;
        return file.FileExists() ? await File.ReadAllTextAsync(file, ct) : null;
    }

    /// <summary>Every file under a folder of the checkout, relative paths.</summary>
    public IReadOnlyList<string> List(string folder, string pattern) =>
        Directory.Exists(Path / folder)
            ? Directory.GetFiles(Path / folder, pattern).Select(f => folder + "/" + System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The file's content at every commit that changed it, oldest first (the audit trail).</summary>
    public async Task<IReadOnlyList<(string Commit, string Text)>> HistoryAsync(string relative, CancellationToken ct)
    {
        var log = await _git.RunAsync(Path, ["log", "--format=%H", "--reverse", "--", relative], new GitRunOptions { AllowNonZeroExit = true }, ct);
        if (log.ExitCode != 0) return [];
        var versions = new List<(string, string)>();
        foreach (var commit in log.Output.Where(l => l.Length > 0))
        {
            var show = await _git.RunAsync(Path, ["show", $"{commit}:{relative}"], new GitRunOptions { AllowNonZeroExit = true }, ct);
            if (show.ExitCode == 0) versions.Add((commit, show.OutputText));
        }
        return versions;
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
            var message = await change(ct);
            if (message is null) return false;
            await RunAsync(["add", "--all"], ct);
            await _git.RunAsync(Path, new GitCommitSettings(message) { Author = identity, Committer = identity }.ToArguments(),
                new GitRunOptions { Environment = new Dictionary<string, string?>(identity.ToEnvironment("COMMITTER")) }, ct);
            if (await PushAsync(repository, ct)) return true;
            if (attempt == PushAttempts)
                throw new ReleaseRefusedException(
                    $"The release records repository '{Shown}' moved on {attempt} times while this change was pushing (the record was not changed): " +
                    "others are recording at the same moment. Retry when they are done.");
            // Someone else recorded first: their change is taken as it is and ours is made again on top of it.
            await repository.ResetToRemoteAsync("origin", Branch, ct);
        }
    }

    // False when someone else pushed first; a refusal for any other reason (credentials, a protected branch) is final.
    private async Task<bool> PushAsync(GitRepository repository, CancellationToken ct)
    {
        try
        {
            return await repository.TryPushAsync(new GitPushSettings { RefSpecs = [$"HEAD:refs/heads/{Branch}"] }, ct);
        }
        catch (ProcessFailedException e)
        {
            throw new ReleaseRefusedException(
                $"The release records repository '{Shown}' refused the push (the record was not changed). Check the credentials in --release-records " +
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
