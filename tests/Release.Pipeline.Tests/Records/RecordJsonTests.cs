using Release.Engine;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Testing;
using Release.Oci;

namespace Release.Pipeline.Tests.Records;

/// <summary>
/// The records carry typed references, while their files keep the fields CI jobs, evidence bundles and other tools
/// read (<c>registry</c>, <c>digest</c>, <c>chartUrl</c>, ...). A reference that does not parse fails the read naming the file.
/// </summary>
public class RecordJsonTests
{
    private const string Image = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Manifest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    [Test]
    public async Task A_push_record_keeps_its_fields_and_reads_back_as_a_typed_reference()
    {
        using var folder = new TempDirectory();
        var path = new AbsolutePath(folder.Combine("push.json"));

        await StageRecord.WriteAsync(path, new PushRecord(OciReference.Parse($"localhost:5000/apps/director:1.4.0_g0156133@{Image}")), CancellationToken.None);

        Assert.That(await File.ReadAllTextAsync(path), Does.Contain("\"registry\": \"localhost:5000\"").And.Contain("\"repository\": \"apps/director\"")
            .And.Contain("\"tag\": \"1.4.0_g0156133\"").And.Contain($"\"digest\": \"{Image}\"").And.Not.Contain("image"));
        var read = await StageRecord.ReadAsync<PushRecord>(path, "Push", CancellationToken.None);
        Assert.That(read.Image, Is.EqualTo(new OciReference("localhost:5000", "apps/director", "1.4.0_g0156133", Image)));
    }

    [Test]
    public async Task A_chart_record_keeps_its_fields_and_reads_back_as_typed_references()
    {
        using var folder = new TempDirectory();
        var path = new AbsolutePath(folder.Combine("chart.json"));
        var chart = new OciReference("localhost:5000", "charts/director", "1.4.0_g0156133", Manifest);

        await StageRecord.WriteAsync(path, new ChartRecord("director", "1.4.0+g0156133", "1.4.0", "artifacts/chart/director-1.4.0+g0156133.tgz",
            "sha256:" + new string('c', 64), chart, "director-1-4-0-0156133", new OciReference("localhost:5000", "apps/director", digest: Image)), CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Does.Contain("\"ociReference\": \"localhost:5000/charts/director:1.4.0_g0156133\"").And.Contain($"\"manifestDigest\": \"{Manifest}\"")
            .And.Contain("\"chartUrl\": \"oci://localhost:5000/charts/director\"").And.Contain($"\"imageReference\": \"localhost:5000/apps/director@{Image}\""));
        var read = await StageRecord.ReadAsync<ChartRecord>(path, "Chart", CancellationToken.None);
        Assert.That((read.Chart, read.Image.Digest), Is.EqualTo((chart, Image)));
        Assert.That(ChartLocation.From(read).ToString(), Is.EqualTo($"oci://localhost:5000/charts/director:1.4.0+g0156133@{Manifest}"));
    }

    [Test]
    public void A_reference_that_does_not_parse_fails_the_read_naming_the_file_and_the_target_to_run()
    {
        using var folder = new TempDirectory();
        var path = new AbsolutePath(folder.WriteFile("push.json",
            "{ \"registry\": \"localhost:5000\", \"repository\": \"Apps\", \"tag\": \"1.4.0\", \"digest\": \"" + Image + "\" }"));

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => StageRecord.ReadAsync<PushRecord>(path, "Push", CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith($"{path}: not a valid record: ").And.Contain("repository name 'Apps' is invalid").And.EndWith("Run ./build.sh Push again."));
    }
}
