using System.Text;
using Release.Oci.Tests.Support;

namespace Release.Oci.Tests;

public class ArtifactTests : RegistryTestBase
{
    [Test]
    public async Task A_helm_chart_artifact_is_pushed_and_its_package_pulled_back_byte_identical()
    {
        var repository = UniqueRepository("charts/web");
        var chartPackage = new byte[3000];
        Random.Shared.NextBytes(chartPackage);
        var config = Encoding.UTF8.GetBytes("""{"name":"web","version":"1.2.3","apiVersion":"v2"}""");

        var digest = await Client.PushArtifactAsync(repository, "1.2.3", OciMediaTypes.HelmConfig, config,
            [new ArtifactLayer(OciMediaTypes.HelmChartContent, chartPackage)]);

        var pulled = await Client.PullArtifactLayerAsync(repository, "1.2.3", OciMediaTypes.HelmChartContent);
        Assert.That(pulled, Is.EqualTo(chartPackage));
        var manifest = await Client.GetManifestAsync(repository, "1.2.3");
        Assert.That(manifest.Digest, Is.EqualTo(digest));
        Assert.That(manifest.Document.Config!.MediaType, Is.EqualTo(OciMediaTypes.HelmConfig));
        Assert.That(manifest.Document.Layers!.Single().MediaType, Is.EqualTo(OciMediaTypes.HelmChartContent));
        Assert.That(await Client.GetBlobBytesAsync(repository, manifest.Document.Config.ParsedDigest), Is.EqualTo(config));
    }

    [Test]
    public async Task Asking_for_a_layer_type_the_artifact_lacks_lists_the_types_it_has()
    {
        var repository = UniqueRepository("charts/other");
        await Client.PushArtifactAsync(repository, "0.1.0", OciMediaTypes.HelmConfig, "{}"u8.ToArray(),
            [new ArtifactLayer(OciMediaTypes.HelmChartContent, "tgz"u8.ToArray())]);

        var error = Assert.ThrowsAsync<InvalidOperationException>(
            () => Client.PullArtifactLayerAsync(repository, "0.1.0", "application/spdx+json"));

        Assert.That(error!.Message, Does.Contain("application/spdx+json").And.Contain(OciMediaTypes.HelmChartContent));
    }
}
