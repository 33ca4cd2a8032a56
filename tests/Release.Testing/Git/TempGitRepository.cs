using System.Globalization;

namespace Release.Testing.Git;

/// <summary>
/// A real git working repository in a temp folder, driven through the git CLI; deleted on dispose.
/// Commits get a fixed identity and (unless given) a fixed date, so tests are repeatable.
/// </summary>
public sealed class TempGitRepository : IDisposable
{
    private static readonly DateTimeOffset DefaultDate = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly TempDirectory directory;

    private TempGitRepository(TempDirectory directory)
    {
        this.directory = directory;
    }

    /// <summary>The working tree folder.</summary>
    public string Path => directory.Path;

    /// <summary>Creates an empty repository whose first branch is <paramref name="initialBranch"/>.</summary>
    public static async Task<TempGitRepository> CreateAsync(string initialBranch = "main", CancellationToken ct = default)
    {
        var repository = new TempGitRepository(new TempDirectory("release-git"));
        await repository.GitAsync(["init", "-q", $"--initial-branch={initialBranch}"], ct);
        await repository.ConfigureIdentityAsync(ct);
        return repository;
    }

    /// <summary>Clones <paramref name="source"/> (a path or URL) into a new temp folder.</summary>
    public static async Task<TempGitRepository> CloneAsync(string source, CancellationToken ct = default)
    {
        var repository = new TempGitRepository(new TempDirectory("release-git-clone"));
        await GitCli.RunAsync(repository.Path, ["clone", "-q", "--", source, "."], ct: ct);
        await repository.ConfigureIdentityAsync(ct);
        return repository;
    }

    /// <summary>Runs git with <paramref name="arguments"/> in this repository and returns trimmed stdout.</summary>
    public Task<string> GitAsync(IEnumerable<string> arguments, CancellationToken ct = default) =>
        GitCli.RunAsync(Path, arguments, ct: ct);

    /// <summary>Writes a file in the working tree (creating folders); returns its absolute path.</summary>
    public string WriteFile(string relativePath, string content) => directory.WriteFile(relativePath, content);

    /// <summary>
    /// Stages everything and commits with the given message, author and date (author and committer alike);
    /// returns the new commit's full hash. <paramref name="allowEmpty"/> permits a commit with no changes.
    /// </summary>
    public async Task<string> CommitAsync(string message, GitAuthor? author = null, DateTimeOffset? date = null,
        bool allowEmpty = true, CancellationToken ct = default)
    {
        var who = author ?? GitAuthor.Default;
        var when = (date ?? DefaultDate).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        await GitAsync(["add", "--all"], ct);
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = who.Name, ["GIT_AUTHOR_EMAIL"] = who.Email, ["GIT_AUTHOR_DATE"] = when,
            ["GIT_COMMITTER_NAME"] = who.Name, ["GIT_COMMITTER_EMAIL"] = who.Email, ["GIT_COMMITTER_DATE"] = when,
        };
        string[] arguments = allowEmpty ? ["commit", "-q", "--allow-empty", "-m", message] : ["commit", "-q", "-m", message];
        await GitCli.RunAsync(Path, arguments, environment, ct);
        return await HeadAsync(ct);
    }

    /// <summary>Writes one file and commits it; returns the commit hash.</summary>
    public async Task<string> CommitFileAsync(string relativePath, string content, string message, CancellationToken ct = default)
    {
        WriteFile(relativePath, content);
        return await CommitAsync(message, allowEmpty: false, ct: ct);
    }

    /// <summary>Tags HEAD; annotated when <paramref name="message"/> is given, lightweight otherwise.</summary>
    public Task TagAsync(string name, string? message = null, CancellationToken ct = default) =>
        GitAsync(message is null ? ["tag", name] : ["tag", "-a", name, "-m", message], ct);

    /// <summary>Creates a branch at HEAD and, when <paramref name="checkout"/> is true, switches to it.</summary>
    public Task CreateBranchAsync(string name, bool checkout = true, CancellationToken ct = default) =>
        GitAsync(checkout ? ["checkout", "-q", "-b", name] : ["branch", name], ct);

    /// <summary>Switches to an existing branch, tag or commit.</summary>
    public Task CheckoutAsync(string target, CancellationToken ct = default) => GitAsync(["checkout", "-q", target], ct);

    /// <summary>Returns the full hash of HEAD.</summary>
    public Task<string> HeadAsync(CancellationToken ct = default) => GitAsync(["rev-parse", "HEAD"], ct);

    /// <summary>Deletes the repository folder.</summary>
    public void Dispose() => directory.Dispose();

    private async Task ConfigureIdentityAsync(CancellationToken ct)
    {
        await GitAsync(["config", "user.name", GitAuthor.Default.Name], ct);
        await GitAsync(["config", "user.email", GitAuthor.Default.Email], ct);
        await GitAsync(["config", "commit.gpgsign", "false"], ct);
    }
}
