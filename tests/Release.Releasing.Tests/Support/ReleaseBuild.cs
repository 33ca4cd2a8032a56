using System.Globalization;
using Release.Delivery.Deploy;
using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing;
using Release.Releasing.Common;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// A build class as a team writes it: the release process mixed in, the promotion chain's environments declared with
/// the GitOps deployer (production with its own environment repository). Only the clock and the repository paths
/// differ from production: they come from the run's own environment (TEST_NOW, TEST_PRODUCTION_REPOSITORY), so votes
/// land inside the window and each test has its own repositories. The production gate's roster is the team's
/// reviewed file <c>build/release-roster</c> (people's and the CI job's SSH public keys).
/// </summary>
public sealed class ReleaseBuild : global::Release.Engine.Build, IRelease, global::Release.Operations.IOperations
{
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [GatePolicy.SeedDefault("production").WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))];

    TimeProvider IReleaseProcess.Clock => new FixedClock(DateTimeOffset.Parse(Context.Environment["TEST_NOW"], CultureInfo.InvariantCulture));

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

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
