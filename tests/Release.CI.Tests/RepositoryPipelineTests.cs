using Release.Testing.GitLab;
using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;

namespace Release.CI.Tests;

/// <summary>
/// A pipeline shaped like this repository's own, run for real with gitlab-ci-local and the stand-in build.sh: Clone
/// prepared in every job, Build/UnitTest/Scan, a deployment and integration tests per environment, a nightly schedule.
/// </summary>
[NonParallelizable]
public class RepositoryPipelineTests
{
    [OneTimeSetUp]
    public Task InstallAsync() => GitLabCiLocal.EnsureInstalledAsync();

    [Test]
    public async Task A_push_to_main_has_production_waiting_for_a_person_and_nothing_for_other_environments()
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<RepositoryShapedBuild>("main");
        var jobs = await GitLabCiLocal.ListAsync(repository.Path);

        Assert.That(jobs, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["build"] = "on_success", ["unit-test"] = "on_success", ["scan"] = "on_success",
            ["deploy-production"] = "manual", ["integrate-production"] = "on_success",
        }), "no clone job, no staging or pre-prod jobs, no nightly job; integrate-production waits for the manual deployment");
    }

    [Test]
    public async Task Every_job_that_needs_the_workspace_prepares_it_itself()
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<RepositoryShapedBuild>("main");
        // gitlab-ci-local refuses a whole pipeline whose job needs an unstarted manual job (GitLab waits instead): run the others.
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, "build", "unit-test", "scan");
        var log = repository.Log;

        Assert.That(result.ExitCode, Is.EqualTo(0), Describe(result, log));
        Assert.That(log, Is.SupersetOf(new[]
        {
            "build Clone ran", "build Build ran",
            "unit-test Clone ran", "unit-test UnitTest ran",
            "scan Clone ran", "scan Scan saw artifacts/build/Build", "scan Scan ran",
        }), Describe(result, log));
        Assert.That(log, Has.None.Contains("no workspace"));
        Assert.That(log.IndexOf("scan Clone ran"), Is.LessThan(log.IndexOf("scan Scan ran")));
    }

    [Test]
    public async Task Production_deploys_when_started_with_its_environment_and_the_image_record_then_integrates()
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<RepositoryShapedBuild>("main");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, "--manual", "deploy-production");
        var log = repository.Log;

        Assert.That(result.ExitCode, Is.EqualTo(0), Describe(result, log));
        Assert.That(log, Is.SupersetOf(new[]
        {
            "deploy-production environment production", "deploy-production Clone ran",
            "deploy-production Push saw artifacts/build/image.json", "deploy-production Deploy ran",
            "integrate-production environment production", "integrate-production Clone ran", "integrate-production Integrate ran",
        }), Describe(result, log));
        Assert.That(log.IndexOf("integrate-production Integrate ran"), Is.GreaterThan(log.IndexOf("deploy-production Deploy ran")));
        Assert.That(log.IndexOf("deploy-production Deploy ran"), Is.GreaterThan(log.IndexOf("scan Scan ran")), "a release is pushed after its scan");
        Assert.That(log, Has.None.Contains("staging").And.None.Contains("pre-prod"));
    }

    [Test]
    public async Task The_staging_branch_deploys_and_integrates_staging_only()
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<RepositoryShapedBuild>("staging");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path);
        var log = repository.Log;

        Assert.That(result.ExitCode, Is.EqualTo(0), Describe(result, log));
        Assert.That(log, Is.SupersetOf(new[]
        {
            "deploy-staging environment staging", "deploy-staging Push saw artifacts/build/image.json", "deploy-staging Deploy ran",
            "integrate-staging environment staging", "integrate-staging Integrate ran",
        }), Describe(result, log));
        Assert.That(log.IndexOf("integrate-staging Integrate ran"), Is.GreaterThan(log.IndexOf("deploy-staging Deploy ran")));
        Assert.That(log, Has.None.Contains("production").And.None.Contains("pre-prod"));
    }

    [Test]
    public async Task A_merge_request_deploys_and_integrates_pre_prod_only()
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<RepositoryShapedBuild>("feature/x");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, "--variable", "CI_PIPELINE_SOURCE=merge_request_event", "--ignore-predefined-vars", "CI_PIPELINE_SOURCE");
        var log = repository.Log;

        Assert.That(result.ExitCode, Is.EqualTo(0), Describe(result, log));
        Assert.That(log, Is.SupersetOf(new[]
        {
            "build Build ran", "scan Scan ran",
            "deploy-pre-prod environment pre-prod", "deploy-pre-prod Deploy ran",
            "integrate-pre-prod environment pre-prod", "integrate-pre-prod Integrate ran",
        }), Describe(result, log));
        Assert.That(log, Has.None.Contains("production").And.None.Contains("staging"));
    }

    [Test]
    public async Task The_nightly_schedule_runs_the_whole_pipeline_in_one_self_contained_job()
    {
        using var repository = await GitLabCiLocalTests.RepositoryAsync<RepositoryShapedBuild>("main");
        var result = await GitLabCiLocal.RunPipelineAsync(repository.Path, "--variable", "CI_PIPELINE_SOURCE=schedule", "--ignore-predefined-vars", "CI_PIPELINE_SOURCE");
        var log = repository.Log;

        Assert.That(result.ExitCode, Is.EqualTo(0), Describe(result, log));
        Assert.That(log.Where(l => l.EndsWith(" ran")), Is.EquivalentTo(new[]
        {
            "pipeline Clone ran", "pipeline Build ran", "pipeline UnitTest ran", "pipeline Scan ran", "pipeline Push ran",
            "pipeline Chart ran", "pipeline Deploy ran", "pipeline Integrate ran", "pipeline Pipeline ran",
        }), Describe(result, log));
        Assert.That(log, Does.Contain("pipeline Push saw artifacts/build/image.json"));
        Assert.That(log.Last(), Is.EqualTo("pipeline Pipeline ran"));
        Assert.That(log, Has.None.Contains("environment"), "the nightly run deploys to the build's default environment");
    }

    private static string Describe(CiLocalRun result, List<string> log) => result.Output + "\n--- log ---\n" + string.Join("\n", log);
}
