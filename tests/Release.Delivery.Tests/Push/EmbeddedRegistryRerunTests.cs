using Release.Delivery.Chart;
using Release.Delivery.Tests.Support;
using Release.Testing.Registry;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Delivery.Tests.Push;

/// <summary>
/// A later run whose Build was up to date: image.json names the embedded registry of an earlier run, which is not
/// running now. Push and Chart must bring it back on the address the records name and work as if it never stopped.
/// </summary>
public class EmbeddedRegistryRerunTests
{
    [Test]
    public async Task Push_and_Chart_restart_the_embedded_registry_an_earlier_run_pushed_the_image_to()
    {
        using var root = new PipelineRoot();
        await root.WriteSourceAsync();
        string address, digest;
        await using (var earlier = new EmbeddedRegistry(root.Paths.ServicesDirectory / "registry", TestContext.Progress.WriteLine))
        {
            address = await earlier.GetAddressAsync(CancellationToken.None);
            using var client = new Release.Oci.OciRegistryClient(address);
            digest = (await SampleImage.Create("app.txt", "built by an earlier run\n").PushAsync(client, "director", "1.2.3_gabc1234")).ToString();
        }
        await root.WriteImageAsync(address, "director", "1.2.3_gabc1234", digest);

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Chart");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain($"started docker-registry").And.Contain(address.Split(':')[1]));
        var push = await StageRecord.ReadAsync<PushRecord>(root.Paths.PushRecord, "Push", CancellationToken.None);
        Assert.That(push, Is.EqualTo(new PushRecord(address, "director", "1.2.3_gabc1234", digest)));
        var chart = await StageRecord.ReadAsync<ChartRecord>(root.Paths.ChartRecord, "Chart", CancellationToken.None);
        Assert.That(chart.ImageReference, Is.EqualTo($"{address}/director@{digest}"));
        Assert.That(chart.OciReference, Does.StartWith($"{address}/charts/director:"));
    }
}
