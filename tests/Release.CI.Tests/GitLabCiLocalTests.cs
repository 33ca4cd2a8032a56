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

    [Test]
    public async Task A_merge_request_touching_one_module_runs_only_that_modules_jobs_and_its_dependents()
    {
        using var repository = await RepositoryAsync<ModulesBuild>("main");
        await repository.GitAsync("checkout", "-b", "feature/pricing");
        repository.WriteFile("modules/pricing/rates.txt", "new rates\n");
        await repository.GitAsync("add", "-A");
        await repository.GitAsync("-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-m", "feat: new rates");

        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, GitLabCiLocal.MergeRequest("feature/pricing", "main"));
        TestContext.Out.WriteLine(result.Output + "\n--- log ---\n" + string.Join("\n", repository.Log));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        var ran = repository.Log.Where(l => l.EndsWith(" ran")).Select(l => l.Split(' ')[1]).ToList();
        // pricing changed: its build and push run, and storefront's, which needs pricing; catalog and audit are untouched.
        Assert.That(ran, Is.SupersetOf(new[] { "BuildModule.pricing", "PushModule.pricing", "BuildModule.storefront", "PushModule.storefront", "Deploy" }), result.Output);
        Assert.That(ran, Has.None.AnyOf("BuildModule.catalog", "PushModule.catalog", "BuildModule.audit", "PushModule.audit"), result.Output);
    }

    internal static async Task<PipelineRepository> RepositoryAsync<T>(string branch) where T : Build, IContinuousIntegration, new()
    {
        using var root = new TempDirectory("release-ci-inspect");
        var graph = await BuildHost.InspectAsync<T>(new BuildHostOptions { RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Null, WriteSchema = false });
        return await PipelineRepository.CreateAsync(graph, await Generated.GitLabAsync<T>(), branch, ((IContinuousIntegration)new T()).Ci.EveryJobTargets);
    }
}
