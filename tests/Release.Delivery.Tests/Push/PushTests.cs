using System.Net;
using System.Net.Sockets;
using Release.Delivery.Push;
using Release.Delivery.Tests.Support;
using Release.Delivery.Tests;
using Release.Foundation.Oci;
using Release.Oci;
using Release.Testing.Registry;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Tests.Push;

/// <summary>Push against real docker-registry processes: digests, immutable tags, promotion, unreachable, refused credentials.</summary>
public class PushTests
{
    private static RegistryFixture Registry => DeliverySetUp.Registry;

    private static async Task<(PipelineRoot Root, string Digest)> BuiltAsync(string repository, string content)
    {
        var image = SampleImage.Create("app.txt", content);
        using var client = Registry.CreateClient();
        var digest = (await image.PushAsync(client, repository, "build-1")).ToString();
        var root = new PipelineRoot();
        await root.WriteSourceAsync();
        await root.WriteImageAsync(Registry.Address, repository, "build-1", digest);
        return (root, digest);
    }

    [Test]
    public async Task Push_copies_the_image_by_digest_under_the_version_tag_and_records_it()
    {
        var (root, digest) = await BuiltAsync("build/push-ok", "push ok\n");
        using var _ = root;

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-repository", "apps/push-ok");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var record = await StageRecord.ReadAsync<PushRecord>(root.Paths.PushRecord, "Push", CancellationToken.None);
        Assert.That(record, Is.EqualTo(new PushRecord(Registry.Address, "apps/push-ok", "1.2.3_gabc1234", digest)));
        using var client = Registry.CreateClient();
        var manifest = await client.GetManifestAsync("apps/push-ok", "1.2.3_gabc1234");
        Assert.That(manifest.Digest.ToString(), Is.EqualTo(digest), "pulled back by tag, the manifest has Build's digest");
        var layer = manifest.Document.Layers![0];
        Assert.That(OciDigest.Compute(await client.GetBlobBytesAsync("apps/push-ok", layer.ParsedDigest)).ToString(), Is.EqualTo(layer.Digest));
        Assert.That(run.Output, Does.Contain($"apps/push-ok:1.2.3_gabc1234 is {digest}"));
    }

    [Test]
    public async Task Pushing_a_tag_that_points_at_another_digest_is_refused_naming_both_digests()
    {
        var (root, digest) = await BuiltAsync("build/immutable", "new content\n");
        using var _ = root;
        using var client = Registry.CreateClient();
        var existing = await SampleImage.Create("app.txt", "released content\n").PushAsync(client, "apps/immutable", "1.2.3_gabc1234");

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-repository", "apps/immutable");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain($"already points at {existing}").And.Contain($"this build's content is {digest}").And.Contain("never move"));
        Assert.That(root.Paths.PushRecord.FileExists(), Is.False, "nothing is recorded");
        Assert.That((await client.ResolveDigestAsync("apps/immutable", "1.2.3_gabc1234")).ToString(), Is.EqualTo(existing.ToString()), "the tag did not move");
    }

    [Test]
    public async Task Pushing_the_same_digest_again_is_accepted()
    {
        var (root, digest) = await BuiltAsync("build/again", "again\n");
        using var _ = root;
        Assert.That((await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-repository", "apps/again")).ExitCode, Is.Zero);
        // --force: without it the engine rightly skips the target as up to date.
        var second = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-repository", "apps/again", "--force");
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Output, Does.Contain($"apps/again:1.2.3_gabc1234 is {digest}"));
    }

    [Test]
    public async Task Promotion_copies_a_digest_to_another_registry_without_rebuilding()
    {
        await using var production = await RegistryFixture.StartAsync();
        using var client = Registry.CreateClient();
        var digest = await SampleImage.Create("app.txt", "promote me\n").PushAsync(client, "apps/staging", "1.0.0");
        var promoter = new ImagePromoter(new RegistryConnections(null, null, TestContext.Progress.WriteLine));

        var result = await promoter.PromoteAsync(new OciReference(Registry.Address, "apps/staging", digest: digest.ToString()), production.Address, "apps/production", "1.0.0");

        Assert.That(result.Digest, Is.EqualTo(digest));
        using var target = production.CreateClient();
        var copied = await target.GetManifestAsync("apps/production", "1.0.0");
        var original = await client.GetManifestAsync("apps/staging", digest.ToString());
        Assert.That(copied.Bytes, Is.EqualTo(original.Bytes), "the manifest is copied byte for byte");
        Assert.That(result.BlobsUploaded, Is.EqualTo(2), "config and layer streamed across registries");

        var again = await promoter.PromoteAsync(new OciReference(Registry.Address, "apps/staging", digest: digest.ToString()), production.Address, "apps/production", "1.0.0");
        Assert.That(again.Digest, Is.EqualTo(digest), "promoting the same digest again is a no-op");
    }

    [Test]
    public async Task An_unreachable_registry_is_retried_then_named()
    {
        var (root, _) = await BuiltAsync("build/unreachable", "unreachable\n");
        using var __ = root;
        var address = $"127.0.0.1:{ClosedPort()}";

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-registry", address);

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain($"registry {address}").And.Contain("unreachable after 4 attempt(s)").And.Contain("--push-registry"));
        Assert.That(root.Paths.PushRecord.FileExists(), Is.False);
    }

    [Test]
    public async Task Refused_credentials_give_a_clear_error_without_the_password_and_good_ones_push()
    {
        await using var secured = await AuthenticatedRegistry.StartAsync();
        var (root, digest) = await BuiltAsync("build/secured", "secured\n");
        using var _ = root;

        var refused = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-registry", secured.Address,
            "--registry-username", AuthenticatedRegistry.User, "--registry-password", "wrong-password-123");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.Output, Does.Contain($"authentication refused for {secured.Address}").And.Contain($"user {AuthenticatedRegistry.User}")
            .And.Contain("--registry-password"));
        Assert.That(refused.Output, Does.Not.Contain("wrong-password-123"));

        var accepted = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-registry", secured.Address,
            "--registry-username", AuthenticatedRegistry.User, "--registry-password", AuthenticatedRegistry.Password);
        Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
        Assert.That(accepted.Output, Does.Not.Contain(AuthenticatedRegistry.Password));
        var record = await StageRecord.ReadAsync<PushRecord>(root.Paths.PushRecord, "Push", CancellationToken.None);
        Assert.That(record.Digest, Is.EqualTo(digest));
        Assert.That(File.ReadAllText(root.Paths.PushRecord), Does.Not.Contain(AuthenticatedRegistry.Password));
    }

    // A CI job after the build job: Build pushed to its own job's embedded registry, gone now; its layout came as an artifact.
    private static async Task<(PipelineRoot Root, string Digest)> BuiltInAnotherJobAsync(string content)
    {
        var image = SampleImage.Create("app.txt", content);
        var root = new PipelineRoot();
        await root.WriteSourceAsync();
        await image.WriteLayoutAsync(root.Paths.ImageLayout, "build-1");
        await root.WriteImageAsync($"localhost:{ClosedPort()}", "director", "build-1", image.Manifest.Digest.ToString());
        return (root, image.Manifest.Digest.ToString());
    }

    [Test]
    public async Task When_Builds_registry_is_gone_Push_pushes_the_layout_from_the_artifacts_into_its_own_registry()
    {
        var (root, digest) = await BuiltInAnotherJobAsync("another job\n");
        using var _ = root;

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("pushing it from").And.Contain("image-layout"));
        var record = await StageRecord.ReadAsync<PushRecord>(root.Paths.PushRecord, "Push", CancellationToken.None);
        Assert.That(record.Digest, Is.EqualTo(digest), "the layout's bytes, unchanged");
        Assert.That(record.Registry, Does.StartWith("localhost:").And.Not.EqualTo(JsonImageRegistry(root)), "this run's embedded registry");
    }

    [Test]
    public async Task When_Builds_registry_is_gone_Push_pushes_the_layout_to_the_registry_it_is_given()
    {
        var (root, digest) = await BuiltInAnotherJobAsync("another job, team registry\n");
        using var _ = root;

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Push", "--push-registry", Registry.Address, "--push-repository", "apps/from-layout");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var client = Registry.CreateClient();
        Assert.That((await client.ResolveDigestAsync("apps/from-layout", "1.2.3_gabc1234"))?.ToString(), Is.EqualTo(digest));
    }

    private static string JsonImageRegistry(PipelineRoot root) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(root.Paths.ImageRecord)).RootElement.GetProperty("registry").GetString()!;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
