using Release.Testing;
using Release.Testing.Git;

namespace Release.Stages.Tests.Support;

/// <summary>
/// A real git history holding the director sample at samples/director, pushed to a real bare remote: a release tag
/// v1.0.0, then a fix commit, so the computed version is 1.0.1. A build root (with .nuke/) to run builds in.
/// </summary>
public sealed class DirectorRepository : IDisposable
{
    private readonly TempBareRemote _remote;
    private readonly TempGitRepository _work;

    private DirectorRepository(TempBareRemote remote, TempGitRepository work, TempDirectory root)
    {
        _remote = remote;
        _work = work;
        BuildRoot = root;
    }

    /// <summary>The bare remote as a file:// URL (what --source-repository gets).</summary>
    public string RemoteUrl => _remote.FileUrl;

    /// <summary>The working clone that pushed to the remote.</summary>
    public TempGitRepository Work => _work;

    /// <summary>An empty build root with a .nuke folder.</summary>
    public TempDirectory BuildRoot { get; }

    /// <summary>The module folder inside the working clone.</summary>
    public string Module => Path.Combine(_work.Path, "samples", "director");

    /// <summary>Creates the history; <paramref name="change"/> edits the module before the fix commit.</summary>
    public static async Task<DirectorRepository> CreateAsync(Action<string>? change = null)
    {
        var remote = await TempBareRemote.CreateAsync();
        var work = await TempGitRepository.CreateAsync();
        var root = new TempDirectory("release-stages-root");
        Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));
        var repository = new DirectorRepository(remote, work, root);
        TestFolders.CopyWithoutOutputs(SourceTree.DirectorSample, repository.Module);
        work.WriteFile(".gitignore", "bin/\nobj/\n");
        await work.CommitAsync("feat: director sample");
        await work.TagAsync("v1.0.0", "release 1.0.0");
        change?.Invoke(repository.Module);
        work.WriteFile("samples/director/NOTES.md", "fixed\n");
        await work.CommitAsync("fix: release notes");
        await work.GitAsync(["push", "-q", "--follow-tags", remote.Path, "main:main"]);
        return repository;
    }

    /// <summary>Commits a change and pushes it as a new branch.</summary>
    public async Task PushBranchAsync(string branch, Action<string> change, string message)
    {
        await _work.CreateBranchAsync(branch);
        change(Module);
        await _work.CommitAsync(message);
        await _work.GitAsync(["push", "-q", _remote.Path, $"{branch}:{branch}"]);
        await _work.CheckoutAsync("main");
    }

    public void Dispose()
    {
        BuildRoot.Dispose();
        _work.Dispose();
        _remote.Dispose();
    }
}
