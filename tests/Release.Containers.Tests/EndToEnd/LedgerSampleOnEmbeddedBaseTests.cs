using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Release.Containers.Builders;
using Release.Oci;
using Release.Containers.Running;
using Release.Containers.Tests.Support;
using Release.Testing;
using Release.Testing.Network;
using Release.Testing.Registry;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.EndToEnd;

/// <summary>
/// The sample application's Dockerfile module for real: samples/ledger published with the .NET SDK, its own
/// Dockerfile built with buildah on the embedded base (offline), pushed to a real registry, run with podman and used
/// over HTTP.
/// </summary>
[NonParallelizable]
public class LedgerSampleOnEmbeddedBaseTests
{
    private RegistryFixture _registry = null!;
    private TempDirectory _work = null!;
    private string _baseImage = null!;

    [OneTimeSetUp]
    public async Task PushEmbeddedBaseAsync()
    {
        _registry = await RegistryFixture.StartAsync();
        _work = new TempDirectory("release-ledger-e2e");
        var image = await ContainerTestSetUp.BaseImage.GetAsync(CancellationToken.None);
        using var client = _registry.CreateClient();
        await client.PushLayoutAsync(image.LayoutDirectory, "base/aspnet", "10.0");
        _baseImage = $"{_registry.Address}/base/aspnet:10.0";
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _registry.DisposeAsync();
        _work.Dispose();
    }

    [Test, CancelAfter(600_000)]
    public async Task The_ledger_is_built_from_its_own_Dockerfile_and_records_deployments(CancellationToken cancellationToken)
    {
        var context = _work.Combine("ledger");
        TestFolders.CopyWithoutOutputs(RepositoryRoot.File("samples/ledger"), context);
        // As the Dockerfile says: the base holds the runtime only, so the application is published into publish/ first.
        await new ProcessRunner().RunAsync(new ProcessSpec("dotnet", ["publish", "src/Ledger/Ledger.csproj", "-c", "Release", "-o", "publish", "--nologo", "-v", "q"])
        {
            WorkingDirectory = context, Timeout = TimeSpan.FromMinutes(5),
        }, cancellationToken);

        var tag = $"{_registry.Address}/apps/ledger:0.1.0";
        var buildah = new DockerfileBuilder(new BuildahTool { StorageRoot = _work.Combine("buildah") }, new ProcessRunner(), TestLog.Write);
        Assert.That(await buildah.BuildAndPushAsync(new DockerfileBuildSettings(context, [tag]) { BaseImage = _baseImage, TlsVerify = false }), Is.EqualTo(new[] { tag }));

        var podman = await ContainerRunner.CreatePodmanAsync(new ProcessRunner(), TestLog.Write);
        var port = FreePort.Next();
        var name = $"ledger-e2e-{Guid.NewGuid():N}";
        var id = await podman.RunDetachedAsync(new ContainerRunSettings(tag)
        {
            Name = name, HostNetwork = true, TlsVerify = false,
            Environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" },
        });
        try
        {
            var baseUrl = new Uri($"http://127.0.0.1:{port}");
            await HttpReadiness.WaitAsync(new Uri(baseUrl, "/health"), TimeSpan.FromSeconds(60), async ct => (await podman.InspectAsync(id, ct)).Running, cancellationToken);

            using var http = new HttpClient { BaseAddress = baseUrl };
            using var created = await http.PostAsJsonAsync("/deployments", new { module = "gateway", environment = "staging", version = "2.0.1" }, cancellationToken);
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync(cancellationToken));
            var listed = JsonDocument.Parse(await http.GetStringAsync("/deployments?environment=staging", cancellationToken)).RootElement;
            Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
            Assert.That(listed[0].GetProperty("module").GetString(), Is.EqualTo("gateway"));
            Assert.That(listed[0].GetProperty("version").GetString(), Is.EqualTo("2.0.1"));
        }
        finally
        {
            await podman.RemoveAsync(name);
        }
    }
}
