using Release.Engine;
using Release.Testing;
using Release.Testing.Git;

namespace Release.CI.Tests.Support;

/// <summary>
/// A temp git repository holding a generated .gitlab-ci.yml and the stub build.sh, on a chosen branch, with an
/// <c>origin</c> remote and <c>refs/remotes/origin/HEAD</c> as gitlab-ci-local expects. The stub's log lives outside.
/// </summary>
public sealed class PipelineRepository : IDisposable
{
    private readonly TempGitRepository _repository;
    private readonly TempDirectory _logs = new("release-ci-log");

    private PipelineRepository(TempGitRepository repository) => _repository = repository;

    public string Path => _repository.Path;

    public string LogFile => _logs.Combine("ran.log");

    public List<string> Log => File.Exists(LogFile) ? File.ReadAllLines(LogFile).ToList() : [];

    public static async Task<PipelineRepository> CreateAsync(TargetGraph graph, string gitLabFile, string branch = "main", IReadOnlyCollection<string>? workspaceTargets = null)
    {
        var repository = new PipelineRepository(await TempGitRepository.CreateAsync(branch));
        repository._repository.WriteFile(".gitlab-ci.yml", gitLabFile);
        var stub = repository._repository.WriteFile("build.sh", BootstrapStub.Script(graph, repository.LogFile, workspaceTargets));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stub, File.GetUnixFileMode(stub) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        repository._repository.WriteFile(".gitignore", ".gitlab-ci-local/\n");
        await repository._repository.CommitAsync("ci: pipeline under test");
        await repository._repository.GitAsync(["remote", "add", "origin", "https://gitlab.example.com/release/sample.git"]);
        await repository._repository.GitAsync(["update-ref", $"refs/remotes/origin/{branch}", "HEAD"]);
        await repository._repository.GitAsync(["symbolic-ref", "refs/remotes/origin/HEAD", $"refs/remotes/origin/{branch}"]);
        return repository;
    }

    /// <summary>Runs git in the repository (a branch, a commit of a change).</summary>
    public Task<string> GitAsync(params string[] arguments) => _repository.GitAsync(arguments);

    /// <summary>Writes a file in the repository (not committed).</summary>
    public string WriteFile(string relativePath, string content) => _repository.WriteFile(relativePath, content);

    public void Dispose()
    {
        _repository.Dispose();
        _logs.Dispose();
    }
}
