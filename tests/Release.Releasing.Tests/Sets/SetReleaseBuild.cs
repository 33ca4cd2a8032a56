using Release.Applications;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Deploy;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Sets;

namespace Release.Releasing.Tests.Sets;

/// <summary>
/// A team's build that ships the application <c>shop</c> (<c>api</c>, and <c>web</c> which calls it) and releases it as
/// a set: the release process, <see cref="IReleaseSets"/> and <see cref="ISetEvidence"/> mixed in, the production gate's roster the team's reviewed
/// file <c>build/release-roster</c>. The environments are declared with the GitOps deployer in the world's repository.
/// </summary>
public sealed class SetReleaseBuild : global::Release.Engine.Build, IRelease, IReleaseSets, ISetEvidence
{
    private CheckedApplication? _application;

    /// <summary>The application as the team declares it.</summary>
    public static Application Declared => Application.Named("shop")
        .Module("api", m => m.Folder("modules/api").Dockerfile().Health("/health"))
        .Module("web", m => m.Folder("modules/web").Dockerfile().Health("/health").DependsOn("api"));

    CheckedApplication IDeployApplication.Application => _application ??= Declared.Check(RootDirectory);

    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [GatePolicy.SeedDefault("production").WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))];

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("staging", Deployers.GitOps, "shop-staging", "*"),
        new("pre-prod", Deployers.GitOps, "shop-preprod", "*"),
        new("production", Deployers.GitOps, "shop", "main") { Url = "https://shop.example" },
    ];
}
