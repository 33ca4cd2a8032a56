namespace Release.Testing.Git;

/// <summary>
/// A bare git repository in a temp folder, usable as <c>origin</c>: clone from it, push to it.
/// Deleted on dispose, as are the clones made through <see cref="CloneAsync"/>.
/// </summary>
public sealed class TempBareRemote : IDisposable
{
    private readonly TempDirectory directory;
    private readonly List<TempGitRepository> clones = [];

    private TempBareRemote(TempDirectory directory)
    {
        this.directory = directory;
    }

    /// <summary>The bare repository folder; pass it to git as a clone URL.</summary>
    public string Path => directory.Path;

    /// <summary>The remote as a <c>file://</c> URL (honours <c>--depth</c>, unlike a plain path).</summary>
    public string FileUrl => new Uri(Path).AbsoluteUri;

    /// <summary>Creates an empty bare repository whose HEAD names <paramref name="defaultBranch"/>.</summary>
    public static async Task<TempBareRemote> CreateAsync(string defaultBranch = "main", CancellationToken ct = default)
    {
        var remote = new TempBareRemote(new TempDirectory("release-git-bare"));
        await GitCli.RunAsync(remote.Path, ["init", "-q", "--bare", $"--initial-branch={defaultBranch}"], ct: ct);
        return remote;
    }

    /// <summary>
    /// Creates a bare remote holding <paramref name="commitCount"/> commits on <paramref name="defaultBranch"/>
    /// (files <c>file1.txt</c>... with messages <c>feat: change N</c>).
    /// </summary>
    public static async Task<TempBareRemote> CreateWithCommitsAsync(int commitCount, string defaultBranch = "main", CancellationToken ct = default)
    {
        var remote = await CreateAsync(defaultBranch, ct);
        using var seed = await TempGitRepository.CreateAsync(defaultBranch, ct);
        for (var i = 1; i <= commitCount; i++)
        {
            await seed.CommitFileAsync($"file{i}.txt", $"content {i}\n", $"feat: change {i}", ct);
        }
        await seed.GitAsync(["push", "-q", remote.Path, $"{defaultBranch}:{defaultBranch}"], ct);
        return remote;
    }

    /// <summary>Clones this remote (as <c>origin</c>) into a new temp repository, deleted with the remote.</summary>
    public async Task<TempGitRepository> CloneAsync(CancellationToken ct = default)
    {
        var clone = await TempGitRepository.CloneAsync(Path, ct);
        clones.Add(clone);
        return clone;
    }

    /// <summary>Returns the hash a ref in the remote points at, e.g. <c>refs/heads/main</c>.</summary>
    public Task<string> ResolveAsync(string reference, CancellationToken ct = default) =>
        GitCli.RunAsync(Path, ["rev-parse", reference], ct: ct);

    /// <summary>Deletes the remote and its clones.</summary>
    public void Dispose()
    {
        foreach (var clone in clones)
        {
            clone.Dispose();
        }
        directory.Dispose();
    }
}
