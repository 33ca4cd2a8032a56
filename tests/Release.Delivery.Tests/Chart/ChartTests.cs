using Release.Delivery.Chart;
using Release.Delivery.Tests.Support;
using Release.Helm.Oci;
using Release.Oci;
using Release.Testing.Npm;
using Release.Testing.Registry;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Tests.Chart;

/// <summary>Chart against a real registry: generated files, version and seed name, OCI round trip, index.yaml, bad versions.</summary>
public class ChartTests
{
    private static async Task<(PipelineRoot Root, string Digest)> PushedAsync(string name)
    {
        using var client = DeliverySetUp.Registry.CreateClient();
        var digest = (await SampleImage.Create("app.txt", name).PushAsync(client, $"build/{name}", "build-1")).ToString();
        var root = new PipelineRoot();
        await root.WriteSourceAsync();
        await root.WriteImageAsync(DeliverySetUp.Registry.Address, $"build/{name}", "build-1", digest);
        return (root, digest);
    }

    private static Task<ChartRecord> RecordAsync(PipelineRoot root) =>
        StageRecord.ReadAsync<ChartRecord>(root.Paths.ChartRecord, "Chart", CancellationToken.None);

    [Test]
    public async Task The_chart_pins_the_image_by_digest_is_versioned_with_the_commit_and_comes_back_byte_identical()
    {
        var (root, digest) = await PushedAsync("chart-roundtrip");
        using var _ = root;
        var registry = DeliverySetUp.Registry.Address;

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Chart", "--push-repository", "apps/chart-roundtrip",
            "--chart-registry", $"oci://{registry}/charts/roundtrip");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var record = await RecordAsync(root);
        Assert.That(record.Version, Is.EqualTo("1.2.3+gabc1234"));
        Assert.That(record.SeedName, Is.EqualTo("director-1-2-3-abc1234"));
        Assert.That(record.OciReference, Is.EqualTo($"{registry}/charts/roundtrip/director:1.2.3_gabc1234"));
        Assert.That(record.ImageReference, Is.EqualTo($"{registry}/apps/chart-roundtrip@{digest}"));
        Assert.That(run.Output, Does.Contain("seed name director-1-2-3-abc1234"));

        var chart = root.Paths.ChartDirectory / "director";
        var values = File.ReadAllText(chart / "values.yaml");
        // The registry on the build machine is never the chart's default: deployers name the registry they pull from.
        Assert.That(values, Does.Contain(digest).And.Contain("repository: apps/chart-roundtrip").And.Not.Contain($"{registry}/apps").And.Contain("path: /health"));
        var (lintCode, lint) = await HelmBinary.RunAsync("lint", "--strict", chart);
        Assert.That(lintCode, Is.Zero, lint);
        var deployment = File.ReadAllText(chart / "templates" / "deployment.yaml");
        Assert.That(deployment, Does.Contain("livenessProbe").And.Contain("readinessProbe").And.Contain("@{{ .Values.image.digest }}").Or.Contain(".Values.image.digest"));
        Assert.That(File.Exists(chart / "templates" / "service.yaml") && File.Exists(chart / "templates" / "configmap.yaml"), Is.True);
        Assert.That(File.ReadAllText(chart / "Chart.yaml"), Does.Contain("version: 1.2.3+gabc1234"));

        var package = await File.ReadAllBytesAsync(Path.Combine(root.Path, record.Package));
        using var client = DeliverySetUp.Registry.CreateClient();
        var pulled = await client.PullArtifactLayerAsync("charts/roundtrip/director", "1.2.3_gabc1234", HelmOciMediaTypes.ChartContent);
        Assert.That(pulled, Is.EqualTo(package), "the chart pulled back is byte-identical to the package");
        var manifest = await client.GetManifestAsync("charts/roundtrip/director", "1.2.3_gabc1234");
        Assert.That(manifest.Digest.ToString(), Is.EqualTo(record.ManifestDigest));
        Assert.That(manifest.Document.Config!.MediaType, Is.EqualTo(HelmOciMediaTypes.Config));

        var index = File.ReadAllText(root.Paths.ChartDirectory / "repo" / "index.yaml");
        Assert.That(index, Does.Contain("version: 1.2.3+gabc1234").And.Contain(record.Digest["sha256:".Length..]).And.Contain("- director-1.2.3+gabc1234.tgz"));
        Assert.That(File.Exists(root.Paths.ChartDirectory / "repo" / "director-1.2.3+gabc1234.tgz"), Is.True);
    }

    [Test]
    public async Task Packaging_is_reproducible_and_republishing_the_same_chart_is_a_no_op()
    {
        var (first, _) = await PushedAsync("chart-repro");
        using var __ = first;
        string[] args = ["Chart", "--push-repository", "apps/chart-repro", "--chart-registry", $"oci://{DeliverySetUp.Registry.Address}/charts/repro"];
        Assert.That((await BuildRunner.RunAsync<DeliveryBuild>(first.Path, args)).ExitCode, Is.Zero);

        using var second = new PipelineRoot();
        await second.WriteSourceAsync();
        await second.WriteImageAsync(DeliverySetUp.Registry.Address, "build/chart-repro", "build-1", (await first.Paths.PushRecord.ReadPushDigestAsync()));
        var again = await BuildRunner.RunAsync<DeliveryBuild>(second.Path, args);

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That((await RecordAsync(second)).Digest, Is.EqualTo((await RecordAsync(first)).Digest), "same inputs, same package bytes");
        Assert.That(again.Output, Does.Contain("Already published:"));
    }

    [Test]
    public async Task An_invalid_chart_version_is_refused_with_the_fix_and_nothing_is_written()
    {
        var (root, _) = await PushedAsync("chart-invalid");
        using var _ = root;

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Chart", "--push-repository", "apps/chart-invalid",
            "--chart-version", "director-1-2-3-abc1234");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("'director-1-2-3-abc1234' is not a valid chart version").And.Contain("--chart-version").And.Contain("SemVer 2"));
        Assert.That(root.Paths.ChartDirectory.DirectoryExists(), Is.False, "no chart folder, no record");
    }
}

internal static class PushRecordFiles
{
    public static async Task<string> ReadPushDigestAsync(this Release.Engine.AbsolutePath path) =>
        (await StageRecord.ReadAsync<PushRecord>(path, "Push", CancellationToken.None)).Digest;
}
