using Release.CI;
using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>A load test after one deployment only: <c>Job(..., t =&gt; t.Environments = ["pre-prod"])</c> with its JUnit report.</summary>
public class LoadTestJobBuild : Build, IContinuousIntegration
{
    [Parameter("Environment to deploy to")] readonly string Environment = "";

    Target Deploy => _ => _.Produces("artifacts/deploy/*.json").Executes(() => { });
    Target LoadTest => _ => _.DependsOn(Deploy).Consumes("artifacts/deploy/*.json").Produces("artifacts/load-test/*").Executes(() => { });

    protected virtual string[] LoadTestEnvironments => ["pre-prod"];

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("staging").OnMergeRequests()
        .Deploy(nameof(Deploy), "staging", ["staging"])
        .Deploy(nameof(Deploy), "pre-prod", ["merge-request"])
        .Job(nameof(LoadTest), t => t.Environments = LoadTestEnvironments)
        .Reports(nameof(LoadTest), junit: "artifacts/load-test/junit.xml");
}

/// <summary>Names an environment that is not declared for the load test's job.</summary>
public sealed class UnknownLoadTestEnvironmentBuild : LoadTestJobBuild
{
    protected override string[] LoadTestEnvironments => ["qa"];
}
