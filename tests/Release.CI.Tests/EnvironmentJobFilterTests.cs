using Release.CI.Tests.Builds;
using Release.CI.Tests.Support;
using Release.Engine;

namespace Release.CI.Tests;

/// <summary>A job that depends on a deployment, limited to some environments: the load test only after the pre-prod deployment.</summary>
public class EnvironmentJobFilterTests
{
    [Test]
    public async Task The_load_test_job_follows_only_the_named_environments_deployment_and_publishes_its_junit()
    {
        var gitlab = await Generated.GitLabAsync<LoadTestJobBuild>();
        Assert.That(gitlab, Does.Contain("load-test-pre-prod:").And.Not.Contain("load-test-staging:"));
        var job = gitlab[gitlab.IndexOf("load-test-pre-prod:", StringComparison.Ordinal)..];
        Assert.That(job, Does.Contain("job: deploy-pre-prod\n      artifacts: true").And.Contain("./build.sh LoadTest --skip --environment pre-prod")
            .And.Contain("junit:\n        - artifacts/load-test/junit.xml"));

        var azure = await Generated.AzureAsync<LoadTestJobBuild>();
        Assert.That(azure, Does.Contain("- stage: LoadTest_pre_prod").And.Not.Contain("LoadTest_staging"));
        Assert.That(azure[azure.IndexOf("- stage: LoadTest_pre_prod", StringComparison.Ordinal)..], Does.Contain("PublishTestResults@2")
            .And.Contain("testResultsFiles: artifacts/load-test/junit.xml"));
    }

    [Test]
    public void An_undeclared_environment_is_refused_naming_the_declared_ones()
    {
        var error = Assert.ThrowsAsync<BuildDefinitionException>(() => Generated.ForAsync<UnknownLoadTestEnvironmentBuild>())!;
        Assert.That(error.Message, Does.Contain("Job(\"LoadTest\")").And.Contain("its Environments name 'qa', which is no declared environment")
            .And.Contain("staging, pre-prod"));
    }
}
