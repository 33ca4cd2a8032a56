using Release.Containers.BaseImages;
using Release.Containers.Builders;
using Release.Containers.Running;
using Release.Containers.Tests.Support;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.EndToEnd;

/// <summary>A Dockerfile module built with buildah (vfs, chroot) on the embedded base, pushed, and run with podman.</summary>
[NonParallelizable]
public class BuildahOnEmbeddedBaseTests() : EndToEndRegistry("release-buildah-e2e")
{
    private string _baseImage = null!;
    private DockerfileBuilder _buildah = null!;

    [OneTimeSetUp]
    public async Task PushBaseAndMakeBuilderAsync()
    {
        _baseImage = await PushEmbeddedBaseAsync();
        // A private storage root keeps this test's vfs layers apart from anyone else's buildah use.
        _buildah = new DockerfileBuilder(new BuildahTool { StorageRoot = Work.Combine("buildah") }, new ProcessRunner(), TestLog.Write);
    }

    private string WriteContext(string name)
    {
        Work.WriteFile($"{name}/Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY greeting.txt /app/greeting.txt\n");
        Work.WriteFile($"{name}/greeting.txt", "built by buildah\n");
        return Work.Combine(name);
    }

    [Test]
    public async Task Dockerfile_image_is_built_pushed_and_runs()
    {
        var tag = $"{Registry.Address}/apps/greeter:1.0.0";
        var pushed = await _buildah.BuildAndPushAsync(new DockerfileBuildSettings(WriteContext("greeter"), [tag])
        {
            BaseImage = _baseImage,
            TlsVerify = false,
            Metadata = new ImageMetadata { Revision = "feedbee" },
        });
        Assert.That(pushed, Is.EqualTo(new[] { tag }));
        using var client = Registry.CreateClient();
        Assert.That(await client.ResolveDigestAsync("apps/greeter", "1.0.0"), Is.Not.Null);

        // The base image has no shell; its dotnet host proves the runtime and libraries work inside a container.
        var podman = await ContainerRunner.CreatePodmanAsync(new ProcessRunner(), TestLog.Write);
        var name = $"greeter-{Guid.NewGuid():N}";
        await podman.RunDetachedAsync(new ContainerRunSettings(tag) { Name = name, HostNetwork = true, TlsVerify = false, Command = ["dotnet", "--list-runtimes"] });
        try
        {
            var state = await podman.InspectAsync(name);
            while (state.Running)
            {
                await Task.Delay(HttpReadiness.PollInterval);
                state = await podman.InspectAsync(name);
            }
            var logs = await podman.LogsAsync(name);
            Assert.That(state.ExitCode, Is.EqualTo(0), string.Join('\n', logs));
            Assert.That(logs, Has.Some.StartsWith("Microsoft.AspNetCore.App 10."));
            Assert.That(logs, Has.Some.StartsWith("Microsoft.NETCore.App 10."));
        }
        finally
        {
            await podman.RemoveAsync(name);
        }
    }

    [Test]
    public async Task The_same_context_built_twice_at_one_timestamp_is_the_same_digest_and_at_another_is_not()
    {
        var commit = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        async Task<string?> BuildAsync(string name, string tag, DateTimeOffset? at)
        {
            // A fresh copy of the context each time: the files' own times differ, as in two clones of one commit.
            var context = WriteContext(name);
            await _buildah.BuildAndPushAsync(new DockerfileBuildSettings(context, [$"{Registry.Address}/apps/again:{tag}"])
            {
                BaseImage = _baseImage,
                TlsVerify = false,
                Timestamp = at,
            });
            using var client = Registry.CreateClient();
            return (await client.ResolveDigestAsync("apps/again", tag))?.ToString();
        }

        var first = await BuildAsync("again-1", "first", commit);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // a second later: without the timestamp, buildah would stamp another time
        var second = await BuildAsync("again-2", "second", commit);
        var later = await BuildAsync("again-3", "later", commit.AddDays(1));
        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.EqualTo(first), "one commit, one image digest");
        Assert.That(later, Is.Not.EqualTo(first), "the timestamp is what the image carries");
    }

    [Test]
    public void A_from_image_that_cannot_be_pulled_names_it_and_the_fix()
    {
        var missing = $"{Registry.Address}/base/absent:10.0";
        var error = Assert.ThrowsAsync<BaseImageUnavailableException>(() => _buildah.BuildAndPushAsync(
            new DockerfileBuildSettings(WriteContext("absent"), [$"{Registry.Address}/apps/absent:1"]) { BaseImage = missing, TlsVerify = false }));
        Assert.That(error!.Image, Is.EqualTo(missing));
        Assert.That(error.Message, Does.Contain("manifest unknown"));
        Assert.That(error.Message, Does.Contain("--base-image"));
    }
}
