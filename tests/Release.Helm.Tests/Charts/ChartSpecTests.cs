using Release.Helm.Charts;
using Release.Helm.Tests.Support;

namespace Release.Helm.Tests.Charts;

public class ChartSpecTests
{
    [Test]
    public void A_complete_spec_is_valid() => Assert.DoesNotThrow(() => SampleCharts.OrderRouter().Validate());

    [Test]
    public void Every_invalid_field_is_named_with_its_fix()
    {
        var spec = SampleCharts.OrderRouter() with
        {
            ModuleName = "OrderRouter",
            ChartVersion = "director-1-2-3-abc1234",
            ImageRepository = "registry.local/apps/x@sha256:abc",
            ImageDigest = "latest",
            HealthPath = "health",
            ContainerPort = 0,
            Config = new Dictionary<string, string> { ["1BAD"] = "x" },
        };
        var message = Assert.Throws<ArgumentException>(() => spec.Validate())!.Message;
        Assert.That(message, Does.Contain("ModuleName 'OrderRouter'").And.Contain("'order-router'"));
        Assert.That(message, Does.Contain("ChartVersion 'director-1-2-3-abc1234'").And.Contain("'1.2.3-abc1234'"));
        Assert.That(message, Does.Contain("ImageRepository"));
        Assert.That(message, Does.Contain("ImageDigest 'latest'"));
        Assert.That(message, Does.Contain("HealthPath 'health'"));
        Assert.That(message, Does.Contain("ContainerPort 0"));
        Assert.That(message, Does.Contain("Config key '1BAD'"));
    }

    [TestCase("order-router", true)]
    [TestCase("a1", true)]
    [TestCase("Order", false)]
    [TestCase("order_router", false)]
    [TestCase("-order", false)]
    [TestCase("order--router", false)]
    public void Chart_name_rule(string name, bool valid) => Assert.That(ChartName.IsValid(name), Is.EqualTo(valid));
}
