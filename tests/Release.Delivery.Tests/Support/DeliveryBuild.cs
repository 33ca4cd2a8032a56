using Release.Delivery.Chart;
using Release.Delivery.Deploy;
using Release.Delivery.Integrate;
using Release.Engine;

namespace Release.Delivery.Tests.Support;

/// <summary>A build mixing in all four delivery components, with environments of every deployer kind.</summary>
internal class DeliveryBuild : Build, IChart, IDeploy, IIntegrate
{
    public static readonly EnvironmentDefinition[] Declared =
    [
        new("local", Deployers.Local, "default", "*"),
        new("dev", Deployers.GitOps, "director-dev", "*") { Url = "https://director.dev.example" },
        new("staging", Deployers.GitOps, "director-staging", "*") { Url = "https://director.staging.example" },
        new("production", Deployers.Helm, "director", "main") { Url = "https://director.example" },
    ];

    IEnumerable<EnvironmentDefinition> IDeploy.Environments => Declared;
}

/// <summary>A build with only Deploy (and Integrate), for tests that provide the upstream records themselves.</summary>
internal class DeployOnlyBuild : Build, IDeploy, IIntegrate
{
    IEnumerable<EnvironmentDefinition> IDeploy.Environments => DeliveryBuild.Declared;
}
