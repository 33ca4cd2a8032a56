using Release.Helm.Cli;

namespace Release.Helm.Tests.Cli;

// There is no helm CLI and no Kubernetes cluster on this project's machines (see FACTS.md), so helm itself cannot be
// run here. These tests pin the exact argument lists handed to helm; HelmCliTests proves they reach a process intact.
public class HelmArgumentsTests
{
    [Test]
    public void Upgrade_install_with_every_option()
    {
        var settings = new HelmUpgradeSettings("order-router", "oci://registry.local/charts/order-router", "trading")
        {
            Timeout = TimeSpan.FromSeconds(330),
            Version = "1.4.0+g0156133",
            ValuesFiles = ["values-prod.yaml", "overrides.yaml"],
            SetValues = [new("image.digest", "sha256:abc"), new("config.VENUES", "XLON,XPAR") { ForceString = true }, new("path", @"C:\x")],
            PlainHttp = true,
            KubeContext = "prod-eu",
        };

        Assert.That(HelmArguments.Upgrade(settings), Is.EqualTo(new[]
        {
            "upgrade", "--install", "order-router", "oci://registry.local/charts/order-router",
            "--namespace", "trading", "--create-namespace", "--atomic", "--wait", "--timeout", "5m30s",
            "--version", "1.4.0+g0156133", "-f", "values-prod.yaml", "-f", "overrides.yaml",
            "--set", "image.digest=sha256:abc", "--set-string", @"config.VENUES=XLON\,XPAR", "--set", @"path=C:\\x",
            "--plain-http", "--kube-context", "prod-eu",
        }));
    }

    [Test]
    public void Upgrade_defaults_are_the_safe_ones() => Assert.That(
        HelmArguments.Upgrade(new HelmUpgradeSettings("r", "./chart", "ns")),
        Is.EqualTo(new[] { "upgrade", "--install", "r", "./chart", "--namespace", "ns", "--create-namespace", "--atomic", "--wait", "--timeout", "5m0s" }));

    [Test]
    public void Upgrade_without_wait_atomic_or_namespace_creation() => Assert.That(
        HelmArguments.Upgrade(new HelmUpgradeSettings("r", "./chart", "ns") { Atomic = false, Wait = false, CreateNamespace = false, Timeout = TimeSpan.FromHours(1) }),
        Is.EqualTo(new[] { "upgrade", "--install", "r", "./chart", "--namespace", "ns", "--timeout", "1h0m0s" }));

    [Test]
    public void Rollback_to_previous_and_to_a_revision()
    {
        Assert.That(HelmArguments.Rollback(new HelmRollbackSettings("order-router", "trading")),
            Is.EqualTo(new[] { "rollback", "order-router", "--namespace", "trading", "--wait", "--timeout", "5m0s" }));
        Assert.That(HelmArguments.Rollback(new HelmRollbackSettings("order-router", "trading") { Revision = 7, Wait = false, Timeout = TimeSpan.FromSeconds(45) }),
            Is.EqualTo(new[] { "rollback", "order-router", "7", "--namespace", "trading", "--timeout", "45s" }));
    }

    [Test]
    public void Push_to_oci() => Assert.That(
        HelmArguments.Push(new HelmPushSettings("out/order-router-1.4.0.tgz", "oci://localhost:5000/charts") { PlainHttp = true }),
        Is.EqualTo(new[] { "push", "out/order-router-1.4.0.tgz", "oci://localhost:5000/charts", "--plain-http" }));

    [Test]
    public void Bad_settings_are_rejected_with_the_field_named()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => HelmArguments.Upgrade(new HelmUpgradeSettings("", "c", "ns")))!.Message, Does.Contain("'ReleaseName'"));
        Assert.That(Assert.Throws<ArgumentException>(() => HelmArguments.Upgrade(new HelmUpgradeSettings("r", "--dry-run", "ns")))!.Message, Does.Contain("flag"));
        Assert.Throws<ArgumentException>(() => HelmArguments.Push(new HelmPushSettings("x.tgz", "https://registry.local")));
        Assert.Throws<ArgumentOutOfRangeException>(() => HelmArguments.Rollback(new HelmRollbackSettings("r", "ns") { Revision = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HelmArguments.Upgrade(new HelmUpgradeSettings("r", "c", "ns") { Timeout = TimeSpan.Zero }));
    }
}
