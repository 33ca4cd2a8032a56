using Release.Delivery.Deploy;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Common;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// <see cref="ReleaseBuild"/> with seed process 001's friendly-user step between pre-prod and production, and its gate:
/// the product owner's Go, voted at friendly-user, before production.
/// </summary>
public sealed class FriendlyUserReleaseBuild : global::Release.Engine.Build, IRelease
{
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates
    {
        get
        {
            var roster = RosterFile.Read(RootDirectory / "build" / "release-roster");
            return [GatePolicy.SeedDefault("production").WithRoster(roster), FriendlyUserGate.ProductOwnerGo().WithRoster(roster)];
        }
    }

    EnvironmentChain IReleaseProcess.PromotionChain =>
        new([new("staging", false), new("pre-prod", false), new(FriendlyUserGate.Environment, false), new("production", true)]);

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("staging", Deployers.GitOps, "director-staging", "*"),
        new("pre-prod", Deployers.GitOps, "director-preprod", "*"),
        new(FriendlyUserGate.Environment, Deployers.GitOps, "director-friendly", "*"),
        new("production", Deployers.GitOps, "director", "main")
        {
            Url = "https://director.example", GitopsRepository = Context.Environment.GetValueOrDefault("TEST_PRODUCTION_REPOSITORY"),
        },
    ];
}
