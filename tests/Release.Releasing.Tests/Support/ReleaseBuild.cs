using Release.Delivery.Deploy;
using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing;
using Release.Releasing.Common;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// A build class as a team writes it: the release process mixed in, the promotion chain's environments declared with
/// the GitOps deployer (production with its own environment repository). Only the repository paths differ from
/// production: they come from the run's own environment (TEST_PRODUCTION_REPOSITORY), so each test has its own
/// repositories. The clock is the run's: <see cref="BuildRun"/> gives the host a fake one, so votes land inside the
/// window. The production gate's roster is the team's reviewed file <c>build/release-roster</c> (people's and the CI
/// job's SSH public keys).
/// </summary>
public sealed class ReleaseBuild : global::Release.Engine.Build, IRelease, global::Release.Operations.IOperations, global::Release.Releasing.Train.IReleaseTrain
{
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [GatePolicy.SeedDefault("production").WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))];

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("staging", Deployers.GitOps, "director-staging", "*"),
        new("pre-prod", Deployers.GitOps, "director-preprod", "*"),
        new("production", Deployers.GitOps, "director", "main")
        {
            Url = "https://director.example", GitopsRepository = Context.Environment.GetValueOrDefault("TEST_PRODUCTION_REPOSITORY"),
        },
    ];
}
