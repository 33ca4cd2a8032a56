using Release.Engine;
using Release.Stages.Clone;
using Release.Tooling.Git;

namespace Release.Environments.Component;

/// <summary>
/// A fresh clone of the environment repository's branch under <c>.nuke/temp/environments/</c>, removed on dispose: what
/// it holds is what Flux reconciles (the committed state, not someone's working tree).
/// </summary>
internal sealed class EnvironmentRepositoryCheckout : IAsyncDisposable
{
    private EnvironmentRepositoryCheckout(GitClient git, GitRepository repository, string shown)
    {
        Git = git;
        Repository = repository;
        Shown = shown;
    }

    public GitClient Git { get; }
    public GitRepository Repository { get; }

    /// <summary>The repository's address without credentials.</summary>
    public string Shown { get; }

    public static async Task<EnvironmentRepositoryCheckout> CloneAsync(IEnvironments build, CancellationToken ct)
    {
        var configured = build.EnvironmentsRepository;
        if (string.IsNullOrWhiteSpace(configured))
            throw new BuildInputException(
                "The environment repository is not set: pass --environments-repository URL-or-path (the git repository Flux reconciles).");
        var location = RepositoryLocation.Resolve(configured, build.RootDirectory);
        var shown = RepositoryLocation.Redact(location);
        var work = build.RootDirectory / ".nuke" / "temp" / "environments" / Guid.NewGuid().ToString("N");
        var git = new GitClient(log: build.Log.Information, secrets: build.Context.Secrets.Secrets);
        try
        {
            var repository = await git.CloneAsync(new GitCloneSettings(location, work) { Branch = build.EnvironmentsBranch }, ct)
                .ConfigureAwait(false);
            return new EnvironmentRepositoryCheckout(git, repository, shown);
        }
        catch (GitRepositoryNotFoundException e)
        {
            throw new BuildInputException($"The environment repository '{shown}' (--environments-repository) does not exist or is not reachable. " +
                $"Pass the repository Flux reconciles.\n{e.Message}", e);
        }
        catch (GitRefNotFoundException e)
        {
            throw new BuildInputException($"The branch '{build.EnvironmentsBranch}' (--environments-branch) does not exist in '{shown}'. Pass the " +
                $"branch Flux watches.\n{e.Message}", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Repository.Path)) DeleteTree(Repository.Path);
        return ValueTask.CompletedTask;
    }

    // git marks its object files read-only; clear that so the folder can go.
    private static void DeleteTree(string path)
    {
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(path, recursive: true);
    }
}
