using System.Net;
using System.Text.Json;
using Release.Containers.Builders;
using Release.Containers.Tests.Support;
using Release.Oci;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.EndToEnd;

/// <summary>
/// The reproducible path for real: samples/director published with <c>dotnet publish</c>, built by AppImageBuilder on
/// the embedded base, pushed under an immutable tag to a real docker-registry, pushed again from a second build of the
/// same inputs, and run with podman until its health endpoint answers.
/// </summary>
[NonParallelizable]
public class AppImageOnEmbeddedBaseTests() : EndToEndRegistry("release-app-image-e2e")
{
    private static readonly DateTimeOffset CommitTime = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
    private string _publish = null!;

    [OneTimeSetUp]
    public async Task PublishDirectorAsync()
    {
        var project = DirectorSample.CopyTo(Work.Combine("director"));
        _publish = Work.Combine("publish");
        await new ProcessRunner().RunAsync(new ProcessSpec("dotnet",
            ["publish", project, "-c", "Release", "-o", _publish, "--nologo", "-p:Version=1.2.3", "-p:SourceRevisionId=0123abc"])
        {
            Timeout = TimeSpan.FromMinutes(10),
            OnOutput = TestLog.Write,
        });
    }

    private async Task<AppImageResult> BuildAsync(string destination)
    {
        var baseImage = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        return await new AppImageBuilder(TestLog.Write).BuildAsync(new AppImageSettings
        {
            BaseLayoutDirectory = baseImage.LayoutDirectory,
            BaseLayoutTag = baseImage.Tag,
            BaseImageName = $"{Registry.Address}/base/aspnet:{baseImage.Tag}",
            PublishDirectory = _publish,
            EntryAssembly = "Director.dll",
            Metadata = new ImageMetadata { Version = "1.2.3", Revision = "0123abc", Source = "https://git.example.com/director", Created = CommitTime },
            Timestamp = CommitTime,
            DestinationLayoutDirectory = destination,
            Tag = "1.2.3_g0123abc",
        });
    }

    [Test]
    public async Task Director_image_is_pushed_immutably_twice_and_answers_its_health_endpoint_under_podman()
    {
        var first = await BuildAsync(Work.Combine("image-1"));
        using var client = Registry.CreateClient();
        var pushed = await client.PushLayoutAsync(first.LayoutDirectory, "apps/director", first.Tag, first.Tag, immutableTag: true);
        Assert.That(pushed.ToString(), Is.EqualTo(first.ManifestDigest));

        // A second run of the pipeline on the same commit: same bytes, so the immutable tag accepts it.
        var second = await BuildAsync(Work.Combine("image-2"));
        Assert.That(second.ManifestDigest, Is.EqualTo(first.ManifestDigest));
        Assert.That(await client.PushLayoutAsync(second.LayoutDirectory, "apps/director", second.Tag, second.Tag, immutableTag: true),
            Is.EqualTo(pushed));

        var config = JsonDocument.Parse(await client.GetBlobBytesAsync("apps/director",
            (await client.GetManifestAsync("apps/director", first.Tag)).Document.Config!.ParsedDigest)).RootElement.GetProperty("config");
        Assert.That(config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "dotnet", "/app/Director.dll" }));
        Assert.That(config.GetProperty("User").GetString(), Is.EqualTo("1654"));
        Assert.That(config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()), Does.Contain("DOTNET_ROOT=/usr/share/dotnet"));

        await using var director = await ServingContainer.StartAsync($"{Registry.Address}/apps/director:{first.Tag}", "director-app-image");
        using var http = new HttpClient { BaseAddress = director.BaseUrl };
        using var health = await http.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var version = JsonDocument.Parse(await http.GetStringAsync("/version")).RootElement;
        Assert.That(version.GetProperty("version").GetString(), Is.EqualTo("1.2.3"));
    }
}
