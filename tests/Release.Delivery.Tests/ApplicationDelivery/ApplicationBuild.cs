using Release.Applications;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Deploy;
using Release.Engine;

namespace Release.Delivery.Tests.ApplicationDelivery;

/// <summary>
/// A build shipping the sample application (director, ledger, gateway, which calls both) with DeployApplication and
/// IntegrateApplication: <c>local</c> runs the modules on this machine, <c>dev</c> is a GitOps environment. The
/// gateway's integration tests are the application's (they cross the modules).
/// </summary>
internal sealed class ApplicationBuild : Build, IIntegrateApplication
{
    private CheckedApplication? _application;

    public static Application Declared => Application.Named("shop")
        .Module("director", m => m.Folder("samples/director").DotNetProject("src/Director/Director.csproj").Health("/health"))
        .Module("ledger", m => m.Folder("samples/ledger").Dockerfile(publish: "src/Ledger/Ledger.csproj").Health("/health"))
        .Module("gateway", m => m.Folder("samples/gateway").DotNetProject("src/Gateway/Gateway.csproj").Health("/health")
            .IntegrationTests("tests/Gateway.IntegrationTests/Gateway.IntegrationTests.csproj").DependsOn("director", "ledger"));

    CheckedApplication IDeployApplication.Application => _application ??= Declared.Check(RootDirectory);

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("local", Deployers.Local, "default", "*"),
        new("dev", Deployers.GitOps, "shop-dev", "*") { Url = "https://shop.dev.example" },
    ];
}
