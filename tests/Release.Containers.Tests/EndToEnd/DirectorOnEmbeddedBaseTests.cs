using Release.Testing.Network;
using System.Text.Json;
using Release.Containers.BaseImages;
using Release.Containers.Builders;
using Release.Containers.Running;
using Release.Containers.Tests.Support;
using Release.Oci;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.EndToEnd;

/// <summary>
/// The whole container path for real: assemble the base from this host, push it to a real docker-registry,
/// publish samples/director onto it with the .NET SDK, run the image with podman and talk to it over HTTP.
/// </summary>
[NonParallelizable]
public class DirectorOnEmbeddedBaseTests() : EndToEndRegistry("release-director-e2e")
{
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
    private string _baseImage = null!;

    [OneTimeSetUp]
    public async Task AssembleBaseAsync()
    {
        var resolver = new BaseImageResolver(new HostBaseImageAssembler(new ProcessRunner(), TestLog.Write),
            address => new OciRegistryClient(address, log: TestLog.Write), TestLog.Write);
        _baseImage = await resolver.ResolveAsync(new BaseImageRequest(Registry.Address, Work.Path));
    }

    [Test]
    public async Task Published_director_runs_under_podman_and_reports_its_version()
    {
        Assert.That(_baseImage, Is.EqualTo($"{Registry.Address}/base/aspnet:10.0"));
        var project = DirectorSample.CopyTo(Work.Combine("director"));
        var images = await new DotNetContainerPublisher(new ProcessRunner(), TestLog.Write).PublishAsync(
            new DotNetContainerSettings(project, _baseImage, "apps/director")
            {
                Registry = Registry.Address,
                Tags = ["1.2.3", "latest"],
                Metadata = new ImageMetadata { Version = "1.2.3", Revision = "0123abc", Source = "https://git.example.com/director", Created = Created },
            });
        Assert.That(images, Is.EqualTo(new[] { $"{Registry.Address}/apps/director:1.2.3", $"{Registry.Address}/apps/director:latest" }));

        using var client = Registry.CreateClient();
        var manifest = await client.GetManifestAsync("apps/director", "1.2.3");
        var config = JsonDocument.Parse(await client.GetBlobBytesAsync("apps/director", manifest.Document.Config!.ParsedDigest)).RootElement;
        var labels = config.GetProperty("config").GetProperty("Labels");
        Assert.That(labels.GetProperty("org.opencontainers.image.revision").GetString(), Is.EqualTo("0123abc"));
        Assert.That(labels.GetProperty("org.opencontainers.image.source").GetString(), Is.EqualTo("https://git.example.com/director"));
        Assert.That(labels.GetProperty("org.opencontainers.image.version").GetString(), Is.EqualTo("1.2.3"));
        Assert.That(labels.GetProperty("org.opencontainers.image.created").GetString(), Is.EqualTo("2026-11-20T08:30:00Z"));
        Assert.That(await client.ResolveDigestAsync("apps/director", "latest"), Is.EqualTo(manifest.Digest));

        ContainerRunner podman;
        string name;
        await using (var director = await ServingContainer.StartAsync(images[0], "director-e2e"))
        {
            (podman, name) = (director.Podman, director.Name);
            using var http = new HttpClient { BaseAddress = director.BaseUrl };
            var version = JsonDocument.Parse(await http.GetStringAsync("/version")).RootElement;
            Assert.That(version.GetProperty("version").GetString(), Is.EqualTo("1.2.3"));
            Assert.That(version.GetProperty("commit").GetString(), Is.EqualTo("0123abc"));
            var decision = JsonDocument.Parse(await http.GetStringAsync("/environments/production/deployment-decision?at=2026-12-24T10:00:00Z")).RootElement;
            Assert.That(decision.GetProperty("allowed").GetBoolean(), Is.False);

            var state = await podman.InspectAsync(name);
            Assert.That(state.Running, Is.True);
            Assert.That(state.Id, Is.EqualTo(director.Id));
            Assert.That(await podman.LogsAsync(name), Has.Some.Contains("Now listening on: http://127.0.0.1:" + director.Port));

            await podman.StopAsync(name, TimeSpan.FromSeconds(10));
            Assert.That((await podman.InspectAsync(name)).Running, Is.False);
        }
        Assert.That(await podman.RemoveAsync(name), Is.False, "a removed container is gone");
    }

    [Test]
    public async Task Publishing_onto_a_base_the_registry_lacks_names_it_and_the_fix()
    {
        var project = DirectorSample.CopyTo(Work.Combine("director-missing-base"));
        var missing = $"{Registry.Address}/base/not-there:10.0";
        var error = Assert.ThrowsAsync<BaseImageUnavailableException>(() => new DotNetContainerPublisher(new ProcessRunner(), TestLog.Write)
            .PublishAsync(new DotNetContainerSettings(project, missing, "apps/never") { Registry = Registry.Address }));
        Assert.That(error!.Image, Is.EqualTo(missing));
        Assert.That(error.Message, Does.Contain($"'{missing}' cannot be pulled"));
        Assert.That(error.Message, Does.Contain("CONTAINER1015"));
        Assert.That(error.Message, Does.Contain("--base-image"));
        using var client = Registry.CreateClient();
        Assert.That(await client.ResolveDigestAsync("apps/never", "latest"), Is.Null, "nothing was pushed");
        await Task.CompletedTask;
    }

    [Test]
    public async Task A_mirror_base_image_is_checked_before_use()
    {
        var resolver = new BaseImageResolver(new HostBaseImageAssembler(new ProcessRunner(), TestLog.Write),
            address => new OciRegistryClient(address, options: new OciRegistryClientOptions { MaxAttempts = 1 }), TestLog.Write);

        Assert.That(await resolver.ResolveAsync(new BaseImageRequest(Registry.Address, Work.Path) { MirrorImage = _baseImage }), Is.EqualTo(_baseImage));

        var missing = $"{Registry.Address}/mirror/dotnet/aspnet:10.0";
        var error = Assert.ThrowsAsync<BaseImageUnavailableException>(() =>
            resolver.ResolveAsync(new BaseImageRequest(Registry.Address, Work.Path) { MirrorImage = missing }));
        Assert.That(error!.Message, Does.StartWith($"The base image '{missing}' cannot be pulled: registry {Registry.Address} has no manifest '10.0' in repository 'mirror/dotnet/aspnet'"));
        Assert.That(error.Message, Does.Contain("--base-image"));

        var unreachable = $"127.0.0.1:{FreePort.Next()}/dotnet/aspnet:10.0";
        var down = Assert.ThrowsAsync<BaseImageUnavailableException>(() =>
            resolver.ResolveAsync(new BaseImageRequest(Registry.Address, Work.Path) { MirrorImage = unreachable }));
        Assert.That(down!.Image, Is.EqualTo(unreachable));
    }

    [Test]
    public async Task Running_an_image_that_was_never_pushed_names_the_image()
    {
        var podman = await ContainerRunner.CreatePodmanAsync(new ProcessRunner(), TestLog.Write);
        var image = $"{Registry.Address}/apps/ghost:9.9.9";
        var error = Assert.ThrowsAsync<ContainerRunException>(() =>
            podman.RunDetachedAsync(new ContainerRunSettings(image) { Name = $"ghost-{Guid.NewGuid():N}", HostNetwork = true, TlsVerify = false }));
        Assert.That(error!.Message, Does.StartWith($"The image '{image}' cannot be pulled"));
        Assert.That(error.Message, Does.Contain("manifest unknown"));
    }
}
