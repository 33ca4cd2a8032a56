using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Release.Containers.Builders;
using Release.Containers.Tests.Support;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.EndToEnd;

/// <summary>
/// The sample application's Dockerfile module for real: samples/ledger published with the .NET SDK, its own
/// Dockerfile built with buildah on the embedded base (offline), pushed to a real registry, run with podman and used
/// over HTTP.
/// </summary>
[NonParallelizable]
public class LedgerSampleOnEmbeddedBaseTests() : EndToEndRegistry("release-ledger-e2e")
{
    private string _baseImage = null!;

    [OneTimeSetUp]
    public async Task PushBaseAsync() => _baseImage = await PushEmbeddedBaseAsync();

    [Test, CancelAfter(600_000)]
    public async Task The_ledger_is_built_from_its_own_Dockerfile_and_records_deployments(CancellationToken cancellationToken)
    {
        var context = Work.Combine("ledger");
        TestFolders.CopyWithoutOutputs(RepositoryRoot.File("samples/ledger"), context);
        // As the Dockerfile says: the base holds the runtime only, so the application is published into publish/ first.
        await new ProcessRunner().RunAsync(new ProcessSpec("dotnet", ["publish", "src/Ledger/Ledger.csproj", "-c", "Release", "-o", "publish", "--nologo", "-v", "q"])
        {
            WorkingDirectory = context, Timeout = TimeSpan.FromMinutes(5),
        }, cancellationToken);

        var tag = $"{Registry.Address}/apps/ledger:0.1.0";
        var buildah = new DockerfileBuilder(new BuildahTool { StorageRoot = Work.Combine("buildah") }, new ProcessRunner(), TestLog.Write);
        Assert.That(await buildah.BuildAndPushAsync(new DockerfileBuildSettings(context, [tag]) { BaseImage = _baseImage, TlsVerify = false }), Is.EqualTo(new[] { tag }));

        await using var ledger = await ServingContainer.StartAsync(tag, "ledger-e2e", cancellationToken);
        using var http = new HttpClient { BaseAddress = ledger.BaseUrl };
        using var created = await http.PostAsJsonAsync("/deployments", new { module = "gateway", environment = "staging", version = "2.0.1" }, cancellationToken);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync(cancellationToken));
        var listed = JsonDocument.Parse(await http.GetStringAsync("/deployments?environment=staging", cancellationToken)).RootElement;
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        Assert.That(listed[0].GetProperty("module").GetString(), Is.EqualTo("gateway"));
        Assert.That(listed[0].GetProperty("version").GetString(), Is.EqualTo("2.0.1"));
    }
}
