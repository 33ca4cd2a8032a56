using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>
/// A release process: main deploys to a test environment and gates it; the manual production job blesses and promotes
/// that pipeline's image (<c>--to production</c>) without deploying, testing or gating again.
/// </summary>
public class PromotionBuild : Build, IContinuousIntegration
{
    [Parameter("Environment to deploy to")] readonly string Environment = "";
    [Parameter("Environment to promote to")] readonly string To = "";

    Target Compile => _ => _.Produces("artifacts/bin/**").Executes(() => { });
    Target Push => _ => _.DependsOn(Compile).Produces("artifacts/push/push.json").Executes(() => { });
    Target Deploy => _ => _.DependsOn(Push).Executes(() => { });
    Target Integrate => _ => _.DependsOn(Deploy).Produces("artifacts/integration/**").Executes(() => { });
    Target Gate => _ => _.DependsOn(Integrate).Consumes("artifacts/integration/summary.json").Produces("artifacts/release/channel.json").Executes(() => { });
    Target Bless => _ => _.Executes(() => { });
    Target Promote => _ => _.After(Bless).Executes(() => { });
    Target ReleaseTo => _ => _.DependsOn(Gate, Bless, Promote).Consumes("artifacts/push/push.json", "artifacts/release/channel.json");

    protected virtual IEnumerable<string>? Promotes => ["test"];

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main").OnMergeRequests()
        .Deploy(nameof(Deploy), "review", ["merge-request"])
        .Deploy(nameof(Deploy), "test", ["main"])
        .Deploy(nameof(ReleaseTo), "production", ["main"], manual: true, parameter: nameof(To), promotes: Promotes)
        .Job(nameof(Gate));
}

/// <summary>The same without <c>promotes</c>: the production job redoes the test environment's work for production.</summary>
public sealed class NoPromotionBuild : PromotionBuild
{
    protected override IEnumerable<string>? Promotes => null;
}

/// <summary>Promotes an environment that is not declared, and one never deployed in the same pipeline.</summary>
public sealed class BadPromotionBuild : Build, IContinuousIntegration
{
    [Parameter("Environment to deploy to")] readonly string Environment = "";

    Target Deploy => _ => _.Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => new CiConfiguration()
        .OnBranches("main").OnMergeRequests()
        .Deploy(nameof(Deploy), "review", ["merge-request"])
        .Deploy(nameof(Deploy), "production", ["main"], manual: true, promotes: ["review", "qa"]);
}
