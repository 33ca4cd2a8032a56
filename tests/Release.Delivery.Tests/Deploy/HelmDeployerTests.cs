using Release.Delivery.Chart;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Helm;
using Release.Delivery.Push;
using Release.Helm.Cli;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// The helm deployer, tested by its argument list: there is no Kubernetes API server on these machines (none is
/// installable), so running helm upgrade for real is impossible here.
/// </summary>
public class HelmDeployerTests
{
    [Test]
    public void Helm_upgrades_atomically_and_waits_with_the_chart_version_and_the_image_digest()
    {
        var digest = "sha256:" + new string('a', 64);
        var request = new DeploymentRequest(new EnvironmentDefinition("production", Deployers.Helm, "director-prod", "main") { KubeContext = "prod" },
            "director", "1.2.3", "abc1234", "alice", new OciReference("localhost:5000", "apps/director", digest: digest), null,
            new ChartLocation(new OciReference("localhost:5000", "charts/director", digest: digest), "1.2.3+gabc1234"), "/health");

        var arguments = HelmArguments.Upgrade(HelmDeployer.SettingsFor(request, TimeSpan.FromMinutes(5)));

        Assert.That(arguments, Is.EqualTo(new[]
        {
            "upgrade", "--install", "director", "oci://localhost:5000/charts/director", "--namespace", "director-prod", "--create-namespace",
            "--atomic", "--wait", "--timeout", "5m0s", "--version", "1.2.3+gabc1234",
            "--set-string", "image.repository=localhost:5000/apps/director", "--set-string", $"image.digest={digest}",
            "--plain-http", "--kube-context", "prod",
        }));
    }
}
