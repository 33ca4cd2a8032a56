using Release.Applications;
using Release.Delivery.Deploy;
using Release.Environments;
using Release.Environments.Component;
using Release.Environments.Rendering;
using Release.Operations.Environments;
using Release.Process.Approvals;
using Release.Releasing.Common;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// <see cref="ReleaseBuild"/> with environments as code mixed in through the operations component, so Drift also reads
/// the signed release records: staging and pre-prod declared once, rendered into the world's GitOps repository
/// (<c>--environments-repository</c>, the same repository Promote writes to with <c>--gitops-repository</c>).
/// </summary>
public sealed class EnvironmentsReleaseBuild : global::Release.Engine.Build, IEnvironmentOperations
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

    CheckedEnvironments IEnvironments.DeclaredEnvironments => EnvironmentSet.Create()
        .Base("director", c => c.Flag("friendly-users", false).Value("LOG_LEVEL", "info"))
        .Environment("staging", e => e.Step(1).Deployer("gitops").Cluster("director-test").Namespace("director-staging"))
        .Environment("pre-prod", e => e.Step(2).Deployer("gitops").Cluster("director-test").Namespace("director-preprod"))
        .Check(Application.Named("director").Module("director", m => m.Folder("samples/director").Dockerfile()).Check(RootDirectory), RootDirectory);

    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new("oci://registry.local/charts");
}
