using System.Text;
using System.Text.Json;
using Release.Helm.Charts;
using Release.Helm.Oci;

namespace Release.Helm.Tests.Oci;

public class HelmOciReferenceTests
{
    [Test]
    public void Media_types_are_Helms() => Assert.That(
        (HelmOciMediaTypes.Config, HelmOciMediaTypes.ChartContent),
        Is.EqualTo(("application/vnd.cncf.helm.config.v1+json", "application/vnd.cncf.helm.chart.content.v1.tar+gzip")));

    [Test]
    public void Reference_appends_chart_name_and_turns_plus_into_underscore()
    {
        var reference = HelmOciReference.For("oci://registry.local:5000/charts/", "order-router", "1.4.0+g0156133");
        Assert.That(reference, Is.EqualTo(new HelmOciReference("registry.local:5000", "charts/order-router", "1.4.0_g0156133")));
        Assert.That(reference.Url, Is.EqualTo("oci://registry.local:5000/charts/order-router"));
        Assert.That(reference.ToString(), Is.EqualTo("registry.local:5000/charts/order-router:1.4.0_g0156133"));
        Assert.That(HelmOciReference.VersionFromTag(reference.Tag), Is.EqualTo("1.4.0+g0156133"));
        Assert.That(HelmOciReference.For("oci://registry.local", "x", "1.0.0").Repository, Is.EqualTo("x"));
    }

    [TestCase("https://registry.local/charts")]
    [TestCase("oci://")]
    public void Base_must_be_an_oci_url(string ociBase) =>
        Assert.Throws<FormatException>(() => HelmOciReference.For(ociBase, "x", "1.0.0"));

    [Test]
    public void Tag_for_invalid_version_explains_the_fix()
    {
        var error = Assert.Throws<FormatException>(() => HelmOciReference.TagForVersion("director-1-2-3-abc1234"))!;
        Assert.That(error.Message, Does.Contain("'1.2.3-abc1234'"));
    }

    [Test]
    public void Config_json_carries_chart_metadata_with_helm_types()
    {
        var metadata = ChartMetadata.Parse("""
            apiVersion: v2
            name: order-router
            version: 1.4.0
            appVersion: "1.10"
            description: Routes orders
            type: application
            deprecated: false
            keywords: [trading]
            annotations:
              approved: "true"
            dependencies:
              - name: redis
                version: 1.0.0
                enabled: true
            notAHelmField: dropped
            """, "Chart.yaml");

        var json = HelmOciReference.ConfigJson(metadata);

        Assert.That(Encoding.UTF8.GetString(json), Does.StartWith("{\"name\":\"order-router\",\"version\":\"1.4.0\",\"description\":\"Routes orders\""));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.That(root.GetProperty("appVersion").GetString(), Is.EqualTo("1.10"));
        Assert.That(root.GetProperty("apiVersion").GetString(), Is.EqualTo("v2"));
        Assert.That(root.GetProperty("deprecated").ValueKind, Is.EqualTo(JsonValueKind.False));
        Assert.That(root.GetProperty("annotations").GetProperty("approved").GetString(), Is.EqualTo("true"));
        Assert.That(root.GetProperty("dependencies")[0].GetProperty("enabled").ValueKind, Is.EqualTo(JsonValueKind.True));
        Assert.That(root.TryGetProperty("notAHelmField", out _), Is.False);
        Assert.That(HelmOciReference.ConfigJson(metadata), Is.EqualTo(json), "deterministic");
    }
}
