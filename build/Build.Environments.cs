using Release.Applications;
using Release.Delivery.Deploy;
using Release.Environments;
using Release.Environments.Component;
using Release.Environments.Rendering;

namespace Release.Build;

/// <summary>
/// Where the sample goes. <c>local</c> runs it on this machine (the main job's default); the others follow the seed
/// process's branch model and deploy through GitOps, the way the bank's clusters are fed. A release that fails its
/// sanity checks or load limits goes back to the last one that passed, without a person, unless AutomaticRollback is off.
/// </summary>
partial class Build : Release.Operations.Environments.IRebuild
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        // A local release that fails its sanity checks stays for the developer to look at (no automatic rollback).
        new("local", Deployers.Local, "default", "*") { AutomaticRollback = false },
        new("staging", Deployers.GitOps, "director-staging", "staging"),
        // Merge requests come from any source branch; the CI rules (merge-request pipelines only) decide, not a branch name.
        new("pre-prod", Deployers.GitOps, "director-preprod", "*"),
        new("production", Deployers.GitOps, "director", "main"),
    ];

    /// <summary>The sample application (see docs/applications.md): the gateway calls the director and the ledger.</summary>
    static Application SampleApplication => Application.Named("director")
        .Module("director", m => m.Folder("samples/director").DotNetProject("src/Director/Director.csproj").Health("/health")
            .IntegrationTests("tests/Director.IntegrationTests/Director.IntegrationTests.csproj"))
        .Module("ledger", m => m.Folder("samples/ledger").Dockerfile(publish: "src/Ledger/Ledger.csproj").Health("/health"))
        .Module("gateway", m => m.Folder("samples/gateway").DotNetProject("src/Gateway/Gateway.csproj").Health("/health")
            .IntegrationTests("tests/Gateway.IntegrationTests/Gateway.IntegrationTests.csproj").DependsOn("director", "ledger"));

    /// <summary>
    /// The sample's environments, declared once (docs/environments.md): the promotion chain local/staging, pre-prod,
    /// friendly-user (chosen users try a release with its flags on), production. The gateway finds its upstreams
    /// through the in-cluster service names.
    /// </summary>
    static EnvironmentSet SampleEnvironments => EnvironmentSet.Create()
        .Base("director", c => c.Flag("friendly-users", false))
        .Base("gateway", c => c.Value("DIRECTOR_URL", "http://director:8080").Value("LEDGER_URL", "http://ledger:8080"))
        .Environment("local", e => e.Step(1).Group("staging").Deployer("local").Cluster("this-machine").Namespace("default"))
        .Environment("staging", e => e.Step(1).Deployer("gitops").Cluster("director-test").Namespace("director-staging"))
        .Environment("pre-prod", e => e.Step(2).Deployer("gitops").Cluster("director-test").Namespace("director-preprod"))
        .Environment("friendly-user", e => e.Step(3).Deployer("gitops").Cluster("director-prod").Namespace("director-friendly")
            .Module("director", c => c.Flag("friendly-users", true)))
        .Environment("production", e => e.Step(4).Deployer("gitops").Cluster("director-prod").Namespace("director"));

    // Checked when a target reads it (never while the build starts or prints its help).
    CheckedEnvironments IEnvironments.DeclaredEnvironments => SampleEnvironments.Check(SampleApplication.Check(RootDirectory), RootDirectory);

    // The charts' OCI location is the one Chart pushes to: --chart-registry, else the image registry's charts/.
    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new(((Delivery.Chart.IChart)this).ChartRegistry?.Trim()
        ?? $"oci://{((Stages.BuildImage.IBuildImage)this).Registry ?? "registry.local"}/charts");
}
