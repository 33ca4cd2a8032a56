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

    /// <summary>
    /// Makes the next push to this remote lose a race: just before git applies it, another client's commit writing
    /// <paramref name="file"/> lands on the same branch, so the push is refused as behind ("cannot lock ref"). Only
    /// the next push races; later ones go through. It is real git all the way: an <c>update</c> hook in the remote
    /// pushes the other commit from a clone of its own.
    /// </summary>
    /// <param name="file">The path the other commit writes, relative to the repository root.</param>
    /// <param name="content">What it writes there.</param>
    /// <param name="message">The other commit's message (its author is "carol").</param>
    public async Task LoseNextPushRaceAsync(string file, string content, string message)
    {
        var contentFile = System.IO.Path.Combine(Path, "release-test-race-content");
        await File.WriteAllTextAsync(contentFile, content);
        await InstallHookAsync("update", $$"""
            #!/bin/sh
            marker="$GIT_DIR/release-test-race-done"
            [ -e "$marker" ] && exit 0
            : > "$marker"
            remote="$(cd "$GIT_DIR" && pwd)"
            work="$(mktemp -d)"
            unset GIT_DIR GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_PUSH_OPTION_COUNT
            git clone -q "$remote" "$work" >&2
            mkdir -p "$(dirname "$work/{{file}}")"
            cp "{{contentFile}}" "$work/{{file}}"
            git -C "$work" add -A
            git -C "$work" -c user.name=carol -c user.email=carol@example.com commit -q -m '{{message.Replace("'", "", StringComparison.Ordinal)}}'
            git -C "$work" push -q origin "HEAD:${1#refs/heads/}" >&2
            rm -rf "$work"
            """);
    }

    /// <summary>Installs an executable hook script in the remote (<c>pre-receive</c>, <c>update</c>, ...).</summary>
    /// <param name="name">The hook's name, as git calls it.</param>
    /// <param name="script">The script, starting with its <c>#!</c> line.</param>
    public async Task InstallHookAsync(string name, string script)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Hook scripts need a Unix shell; these tests run on Linux.");
        var hook = System.IO.Path.Combine(Path, "hooks", name);
        await File.WriteAllTextAsync(hook, script.TrimEnd() + "\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
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
