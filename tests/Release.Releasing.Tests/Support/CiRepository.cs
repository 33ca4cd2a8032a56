using Microsoft.Extensions.FileSystemGlobbing;
using Release.Testing.Git;
using YamlDotNet.RepresentationModel;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// A project repository as gitlab-ci-local sees it: the repository's committed <c>.gitlab-ci.yml</c>, a <c>build.sh</c>
/// that runs this repository's build definition (the RepositoryBuild project: build/*.cs compiled as it is, started
/// the way the real bootstrap starts it, with <c>--root</c> after the arguments), on <c>main</c>, with an
/// <c>origin</c> remote and <c>refs/remotes/origin/HEAD</c> as gitlab-ci-local expects. Its git user is the release
/// manager, which gitlab-ci-local passes to jobs as <c>GITLAB_USER_EMAIL</c> (the person who starts a manual job).
/// </summary>
public sealed class CiRepository : IDisposable
{
    private readonly TempGitRepository _repository;
    private readonly YamlMappingNode _jobs;

    private CiRepository(TempGitRepository repository, YamlMappingNode jobs)
    {
        _repository = repository;
        _jobs = jobs;
    }

    /// <summary>The working tree.</summary>
    public string Path => _repository.Path;

    /// <summary>Where gitlab-ci-local keeps a job's artifacts (what later jobs receive through <c>needs:</c>).</summary>
    public string ArtifactsOf(string job) => System.IO.Path.Combine(Path, ".gitlab-ci-local", "artifacts", job);

    /// <summary>Creates the repository with <paramref name="gitLabCi"/> and a bootstrap for <paramref name="buildAssembly"/>.</summary>
    public static async Task<CiRepository> CreateAsync(string gitLabCi, string buildAssembly, string user, IReadOnlyDictionary<string, string>? files = null)
    {
        var repository = await TempGitRepository.CreateAsync("main");
        var stream = new YamlStream();
        stream.Load(new StringReader(gitLabCi));
        var ci = new CiRepository(repository, (YamlMappingNode)stream.Documents[0].RootNode);
        repository.WriteFile(".gitlab-ci.yml", gitLabCi);
        var bootstrap = repository.WriteFile("build.sh", $$"""
            #!/usr/bin/env bash
            # Runs the repository's build definition, compiled by the test project, as ./build.sh runs build/_build.dll.
            set -euo pipefail
            ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            exec dotnet "{{buildAssembly}}" "$@" --root "$ROOT"

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bootstrap, File.GetUnixFileMode(bootstrap) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        repository.WriteFile(".gitignore", ".gitlab-ci-local/\nartifacts/\n.nuke/temp/\n");
        foreach (var (path, content) in files ?? new Dictionary<string, string>()) repository.WriteFile(path, content);
        await repository.GitAsync(["config", "user.email", user]);
        await repository.GitAsync(["config", "user.name", user.Split('@')[0]]);
        await repository.CommitAsync("ci: the repository's pipeline");
        await repository.GitAsync(["remote", "add", "origin", "https://gitlab.example.com/release/director.git"]);
        await repository.GitAsync(["update-ref", "refs/remotes/origin/main", "HEAD"]);
        await repository.GitAsync(["symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main"]);
        return ci;
    }

    /// <summary>The jobs <paramref name="job"/> needs with their artifacts.</summary>
    public IReadOnlyList<string> NeedsWithArtifacts(string job) =>
        ((YamlSequenceNode)Job(job)["needs"]).Cast<YamlMappingNode>()
            .Where(n => n["artifacts"].ToString() == "true").Select(n => n["job"].ToString()).ToArray();

    /// <summary>
    /// Leaves the artifacts the jobs <paramref name="job"/> needs as those jobs would have left them: every file of
    /// <paramref name="pipelineRoot"/> matching a needed job's <c>artifacts: paths:</c>. Returns the files per job.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StageArtifactsOfNeeds(string job, string pipelineRoot)
    {
        var staged = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var need in NeedsWithArtifacts(job))
        {
            var matcher = new Matcher();
            foreach (var pattern in ((YamlSequenceNode)((YamlMappingNode)Job(need)["artifacts"])["paths"]).Select(p => p.ToString()))
                matcher.AddInclude(pattern);
            var files = matcher.GetResultsInFullPath(pipelineRoot).Select(f => System.IO.Path.GetRelativePath(pipelineRoot, f)).Order(StringComparer.Ordinal).ToArray();
            foreach (var file in files)
            {
                var target = System.IO.Path.Combine(ArtifactsOf(need), file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(System.IO.Path.Combine(pipelineRoot, file), target, overwrite: true);
            }
            staged[need] = files;
        }
        return staged;
    }

    private YamlMappingNode Job(string name) =>
        _jobs.Children.TryGetValue(new YamlScalarNode(name), out var node) ? (YamlMappingNode)node
            : throw new InvalidOperationException($"The pipeline has no job '{name}'.");

    /// <summary>Deletes the repository.</summary>
    public void Dispose() => _repository.Dispose();
}
