using Release.Delivery.Deploy;
using Release.Delivery.Verify;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Promotion;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// <see cref="ReleaseBuild"/>'s team with sanity checks remembered in the signed records (<see cref="IVerifiedPromotion"/>):
/// staging is a GitOps environment that serves a URL (TEST_CLUSTER_URL, a loopback server playing the cluster Flux
/// applies staging's environment repository to), checked by a request to <c>/journey</c>.
/// </summary>
public sealed class VerifiedReleaseBuild : global::Release.Engine.Build, IRelease, IVerifiedPromotion
{
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [GatePolicy.SeedDefault("production").WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))];

    SanityChecks IVerifyDeployment.SanityChecks => new([new HttpCheck("journey", "/journey")], []);

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("staging", Deployers.GitOps, "director-staging", "*") { Url = Context.Environment.GetValueOrDefault("TEST_CLUSTER_URL") },
        new("pre-prod", Deployers.GitOps, "director-preprod", "*"),
        new("production", Deployers.GitOps, "director", "main")
        {
            Url = "https://director.example", GitopsRepository = Context.Environment.GetValueOrDefault("TEST_PRODUCTION_REPOSITORY"),
        },
    ];
}
