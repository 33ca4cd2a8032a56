using Release.Testing.GitLab;
using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;
using Release.Engine.Hosting;
using Release.Testing;

namespace Release.CI.Tests;

/// <summary>Runs generated .gitlab-ci.yml files for real with gitlab-ci-local.</summary>
[NonParallelizable]
public class GitLabCiLocalTests
{
    [OneTimeSetUp]
    public Task InstallAsync() => GitLabCiLocal.EnsureInstalledAsync();

    [Test]
    public async Task Jobs_run_their_targets_and_artifacts_reach_consumers_while_production_waits_for_a_person()
    {
        using var repository = await RepositoryAsync<PipelineBuild>("main");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path);
        TestContext.Out.WriteLine(result.Output + "\n--- log ---\n" + string.Join("\n", repository.Log));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(repository.Log, Is.SupersetOf(new[]
        {
            "compile Restore ran", "compile Compile ran",
            "test Test saw artifacts/bin/Compile.dll", "test Test ran",
            "pack Pack saw artifacts/bin/Compile.dll", "pack Pack ran",
        }), result.Output);
        Assert.That(repository.Log, Has.None.StartsWith("deploy-production"), "the manual production job must not start by itself");
        Assert.That(repository.Log, Has.None.StartsWith("deploy-staging"), "staging deploys only from the staging branch");
        Assert.That(repository.Log.Count(l => l.EndsWith(" Compile ran")), Is.EqualTo(1), "compile work is done once");
    }

    [Test]
    public async Task The_production_job_runs_when_started_manually_with_the_packages_it_consumes()
    {
        using var repository = await RepositoryAsync<PipelineBuild>("main");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, "--manual", "deploy-production");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(repository.Log, Does.Contain("deploy-production Deploy saw artifacts/packages/Pack.nupkg"), result.Output);
        Assert.That(repository.Log, Does.Contain("deploy-production Deploy ran"), result.Output);
        Assert.That(repository.Log.IndexOf("deploy-production Deploy ran"), Is.GreaterThan(repository.Log.IndexOf("test Test ran")));
    }

    [Test]
    public async Task The_staging_branch_deploys_to_staging_without_waiting()
    {
        using var repository = await RepositoryAsync<PipelineBuild>("staging");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(repository.Log, Does.Contain("deploy-staging Deploy ran"), result.Output);
        Assert.That(repository.Log, Has.None.StartsWith("deploy-production"));
    }

    [Test]
    public async Task A_failing_job_stops_the_jobs_that_need_it()
    {
        using var repository = await RepositoryAsync<PipelineBuild>("main");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, "--manual", "deploy-production", "--variable", "RELEASE_FAIL=Pack");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        Assert.That(repository.Log, Does.Contain("pack Pack failed"), result.Output);
        Assert.That(repository.Log, Has.None.StartsWith("deploy-production"), "deploy needs pack, which failed");
        Assert.That(repository.Log, Does.Contain("test Test ran"), "test does not need pack");
    }

    internal static async Task<PipelineRepository> RepositoryAsync<T>(string branch) where T : Build, IContinuousIntegration, new()
    {
        using var root = new TempDirectory("release-ci-inspect");
        var graph = await BuildHost.InspectAsync<T>(new BuildHostOptions { RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Null, WriteSchema = false });
        return await PipelineRepository.CreateAsync(graph, await Generated.GitLabAsync<T>(), branch, ((IContinuousIntegration)new T()).Ci.EveryJobTargets);
    }
}
