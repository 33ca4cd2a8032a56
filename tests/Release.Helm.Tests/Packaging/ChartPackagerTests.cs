using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Release.Helm.Charts;
using Release.Helm.Linting;
using Release.Helm.Packaging;
using Release.Helm.Tests.Support;

namespace Release.Helm.Tests.Packaging;

public class ChartPackagerTests
{
    private static readonly DateTimeOffset CommitTime = DateTimeOffset.FromUnixTimeSeconds(1_763_800_000);
    private TemporaryDirectory _folder = null!;
    private string Chart => _folder.Combine("order-router");
    private string Output => _folder.Combine("out");

    [SetUp]
    public async Task CreateChart()
    {
        _folder = new TemporaryDirectory();
        await new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter(), Chart);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task Packaging_twice_gives_identical_bytes_even_when_file_times_differ()
    {
        var first = await new ChartPackager().PackageAsync(Chart, Output, CommitTime);
        var firstBytes = await File.ReadAllBytesAsync(first.Path);
        foreach (var file in Directory.GetFiles(Chart, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));

        var second = await new ChartPackager().PackageAsync(Chart, Output, CommitTime);

        Assert.That(await File.ReadAllBytesAsync(second.Path), Is.EqualTo(firstBytes));
        Assert.That(second.Digest, Is.EqualTo(first.Digest));
        Assert.That(first.Digest, Is.EqualTo("sha256:" + Convert.ToHexStringLower(SHA256.HashData(firstBytes))));
        Assert.That(Path.GetFileName(first.Path), Is.EqualTo("order-router-1.4.0.tgz"));
        Assert.That(first.Size, Is.EqualTo(firstBytes.Length));
    }

    [Test]
    public async Task Changing_a_value_or_the_time_changes_the_bytes()
    {
        var original = await new ChartPackager().PackageAsync(Chart, Output, CommitTime);
        var otherTime = await new ChartPackager().PackageAsync(Chart, _folder.Combine("out2"), CommitTime.AddSeconds(1));
        await new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter() with { Replicas = 3 }, Chart);
        var changed = await new ChartPackager().PackageAsync(Chart, _folder.Combine("out3"), CommitTime);

        Assert.That(changed.Digest, Is.Not.EqualTo(original.Digest));
        Assert.That(otherTime.Digest, Is.Not.EqualTo(original.Digest));
    }

    [Test]
    public async Task Archive_has_fixed_headers_top_folder_and_chart_yaml_first()
    {
        await File.WriteAllTextAsync(Path.Combine(Chart, "notes.bak"), "ignored by .helmignore");
        var package = await new ChartPackager().PackageAsync(Chart, Chart, CommitTime); // output inside the chart: not packaged into itself
        var bytes = await File.ReadAllBytesAsync(package.Path);
        Assert.That(bytes[..10], Is.EqualTo(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff }), "no timestamp, OS 'unknown'");

        var entries = new List<TarEntry>();
        await using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        await using (var reader = new TarReader(gzip))
            while (await reader.GetNextEntryAsync(copyData: false) is { } entry) entries.Add(entry);

        Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[]
        {
            "order-router/Chart.yaml", "order-router/.helmignore", "order-router/templates/NOTES.txt", "order-router/templates/_helpers.tpl",
            "order-router/templates/configmap.yaml", "order-router/templates/deployment.yaml", "order-router/templates/hpa.yaml",
            "order-router/templates/ingress.yaml", "order-router/templates/service.yaml", "order-router/templates/serviceaccount.yaml",
            "order-router/templates/tests/test-connection.yaml", "order-router/values.schema.json", "order-router/values.yaml",
        }));
        Assert.That(entries.Select(e => (e.ModificationTime, e.Uid, e.Gid, (int)e.Mode)).Distinct(),
            Is.EqualTo(new[] { (CommitTime, 0, 0, Convert.ToInt32("644", 8)) }));
    }

    [Test]
    public async Task System_gzip_and_tar_accept_the_archive()
    {
        var package = await new ChartPackager().PackageAsync(Chart, Output, CommitTime);
        var gzip = await ExternalCommand.RunAsync("gzip", "-t", package.Path);
        Assert.That(gzip.ExitCode, Is.EqualTo(0), gzip.Error);
        var tar = await ExternalCommand.RunAsync("tar", "-tzf", package.Path);
        Assert.That(tar.Output, Does.Contain("order-router/templates/deployment.yaml"));
    }

    [Test]
    public async Task Chart_with_lint_errors_is_not_packaged()
    {
        await File.WriteAllTextAsync(Path.Combine(Chart, "Chart.yaml"), "apiVersion: v2\nname: order-router\nversion: director-1-2-3-abc1234\n");
        var error = Assert.ThrowsAsync<ChartLintException>(() => new ChartPackager().PackageAsync(Chart, Output, CommitTime))!;
        Assert.That(error.Message, Does.Contain("Chart.yaml:3: error: version 'director-1-2-3-abc1234'"));
        Assert.That(Directory.Exists(Output), Is.False);
    }
}
