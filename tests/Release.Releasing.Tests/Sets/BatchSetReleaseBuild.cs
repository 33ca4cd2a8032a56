using Release.Applications;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Deploy;
using Release.Environments;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Common;
using Release.Releasing.Sets;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// The team's build of <c>shop</c> (<see cref="SetReleaseBuild.Declared"/>) with regional staging: the environments are
/// declared once as code, <c>staging-eu</c> and <c>staging-us</c> in group <c>staging</c> (step 1, one batch), then
/// <c>pre-prod</c> and <c>production</c> (blessed sets only); the chain of application releases is read from that
/// declaration (<see cref="ReleaseSetChain"/>). Every environment deploys through GitOps into the world's repository,
/// except that <c>staging-us</c> uses the repository named by the run's <c>TEST_STAGING_US_REPOSITORY</c> when set (a
/// test makes it refuse pushes). <c>TEST_PARTIAL_SUCCESS_GROUP</c> names a group whose batch may keep what succeeded.
/// </summary>
public sealed class BatchSetReleaseBuild : global::Release.Engine.Build, IRelease, IReleaseSets
{
    private CheckedApplication? _application;

    /// <summary>The environments as the team declares them.</summary>
    public static EnvironmentSet Declared => EnvironmentSet.Create()
        .Environment("staging-eu", e => e.Step(1).Group("staging").Deployer("gitops").Cluster("eu-test").Namespace("shop-staging-eu"))
        .Environment("staging-us", e => e.Step(1).Group("staging").Deployer("gitops").Cluster("us-test").Namespace("shop-staging-us"))
        .Environment("pre-prod", e => e.Step(2).Deployer("gitops").Cluster("eu-test").Namespace("shop-preprod"))
        .Environment("production", e => e.Step(3).Deployer("gitops").Cluster("eu-prod").Namespace("shop"));

    CheckedApplication IDeployApplication.Application => _application ??= SetReleaseBuild.Declared.Check(RootDirectory);

    SetChain IReleaseSets.SetChain => ReleaseSetChain.Of(Declared.Check(((IDeployApplication)this).Application, RootDirectory), ["production"],
        Context.Environment.GetValueOrDefault("TEST_PARTIAL_SUCCESS_GROUP") is { } group ? [group] : []);

    EnvironmentChain IReleaseProcess.PromotionChain => ((IReleaseSets)this).SetChain.Flattened();

    IReadOnlyList<GatePolicy> IReleaseProcess.Gates =>
        [GatePolicy.SeedDefault("production").WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))];

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("staging-eu", Deployers.GitOps, "shop-staging-eu", "*"),
        new("staging-us", Deployers.GitOps, "shop-staging-us", "*")
        {
            GitopsRepository = Context.Environment.GetValueOrDefault("TEST_STAGING_US_REPOSITORY"),
        },
        new("pre-prod", Deployers.GitOps, "shop-preprod", "*"),
        new("production", Deployers.GitOps, "shop", "main"),
    ];
}
