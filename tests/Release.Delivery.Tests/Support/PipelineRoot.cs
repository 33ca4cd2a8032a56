using Release.Delivery.Chart;
using Release.Engine;
using Release.Testing;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Delivery.Tests.Support;

/// <summary>A build root in a temp folder holding the records the upstream stages (Clone, Build, Push, Chart) would write.</summary>
internal sealed class PipelineRoot : IDisposable
{
    public static readonly DateTimeOffset CommitDate = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new("release-delivery");

    public PipelineRoot() => Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));

    public string Path => _directory.Path;

    public PipelinePaths Paths => new(new AbsolutePath(Path), "director");

    public Task WriteSourceAsync(string version = "1.2.3", string shortCommit = "abc1234", string branch = "main", string chartVersion = "1.2.3+gabc1234") =>
        StageRecord.WriteAsync(Paths.SourceRecord, new SourceRecord("https://git.example/director.git", Path, shortCommit + "0000000000000000000000000000000000",
            shortCommit, branch, [], "Ada Lovelace", "ada@example.com", CommitDate, version, chartVersion) { ImageTag = chartVersion.Replace('+', '_') },
            CancellationToken.None);

    /// <summary>
    /// A root where the real director image (<paramref name="image"/>, default the sample as it is) was built and recorded
    /// at <paramref name="version"/>: Clone's and Build's records. <paramref name="withPublishedApp"/> also records the
    /// published app (the process runtime runs it); <paramref name="declaredModule"/> adds <c>modules/director/Dockerfile</c>,
    /// the folder environments as code declare the module by.
    /// </summary>
    public static async Task<PipelineRoot> WithDirectorAsync(DirectorImage? image = null, string version = "1.2.3", bool withPublishedApp = false,
        bool declaredModule = false)
    {
        image ??= DeliverySetUp.Director;
        var root = new PipelineRoot();
        await root.WriteSourceAsync(version);
        await root.WriteImageAsync(DeliverySetUp.Registry.Address, DirectorImage.Repository, image.ImageTag, await image.DigestAsync(),
            withPublishedApp ? image.PublishDirectory : "");
        if (declaredModule)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(root.Path, "modules", "director"));
            File.WriteAllText(System.IO.Path.Combine(root.Path, "modules", "director", "Dockerfile"), "FROM base\n");
        }
        return root;
    }

    public Task WriteImageAsync(string registry, string repository, string tag, string digest, string publishDirectory = "") =>
        StageRecord.WriteAsync(Paths.ImageRecord, new ImageRecord(registry, repository, tag, digest, "base/aspnet:10.0",
            new Dictionary<string, string>(), publishDirectory), CancellationToken.None);

    public Task WritePushAsync(string registry, string repository, string tag, string digest) =>
        StageRecord.WriteAsync(Paths.PushRecord, new PushRecord(registry, repository, tag, digest), CancellationToken.None);

    public Task WriteChartAsync(string registry, string manifestDigest, string imageDigest) =>
        StageRecord.WriteAsync(Paths.ChartRecord, new ChartRecord("director", "1.2.3+gabc1234", "1.2.3", "artifacts/chart/director-1.2.3+gabc1234.tgz",
            "sha256:" + new string('c', 64), new OciReference(registry, "charts/director", "1.2.3_gabc1234", manifestDigest), "director-1-2-3-abc1234",
            new OciReference(registry, "apps/director", digest: imageDigest)), CancellationToken.None);

    public void Dispose() => _directory.Dispose();
}
