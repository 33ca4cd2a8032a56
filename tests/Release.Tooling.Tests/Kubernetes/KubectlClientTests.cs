using Release.Testing;
using Release.Tooling.Kubernetes;

namespace Release.Tooling.Tests.Kubernetes;

/// <summary>Runs the real kubectl for what works without a cluster: client-side rendering and kustomize.</summary>
public sealed class KubectlClientTests
{
    private readonly List<string> log = [];
    private KubectlClient client = null!;

    [SetUp]
    public void Create() => client = new KubectlClient(log: log.Add);

    [Test]
    public async Task Renders_a_deployment_manifest()
    {
        var yaml = await client.RenderAsync(new KubectlCreateDeploymentSettings("web", "localhost:5000/apps/web:1.2.3")
        {
            Replicas = 3, Port = 8080, Namespace = "prod",
        });

        Assert.That(yaml, Does.Contain("kind: Deployment"));
        Assert.That(yaml, Does.Contain("namespace: prod"));
        Assert.That(yaml, Does.Contain("replicas: 3"));
        Assert.That(yaml, Does.Contain("image: localhost:5000/apps/web:1.2.3"));
        Assert.That(yaml, Does.Contain("containerPort: 8080"));
    }

    [Test]
    public async Task Renders_a_secret_without_its_values_reaching_the_log()
    {
        var yaml = await client.RenderAsync(new KubectlCreateSecretSettings("db")
        {
            Values = new Dictionary<string, string> { ["password"] = "hunter2-Secret", ["user"] = "app" },
        });

        Assert.That(yaml, Does.Contain("kind: Secret"));
        Assert.That(yaml, Does.Contain($"password: {Convert.ToBase64String("hunter2-Secret"u8.ToArray())}"));
        Assert.That(string.Join('\n', log), Does.Not.Contain("hunter2"));
        Assert.That(log, Has.Some.Contains("--from-env-file=/dev/stdin"));
    }

    [Test]
    public async Task Builds_a_kustomization()
    {
        using var folder = new TempDirectory("release-kustomize");
        folder.WriteFile("base/kustomization.yaml", "resources:\n  - configmap.yaml\n");
        folder.WriteFile("base/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n");
        folder.WriteFile("prod/kustomization.yaml", "resources:\n  - ../base\nnamespace: prod\nnamePrefix: prod-\n");

        var yaml = await client.KustomizeAsync(folder.Combine("prod"));

        Assert.That(yaml, Does.Contain("name: prod-settings"));
        Assert.That(yaml, Does.Contain("namespace: prod"));
        Assert.That(yaml, Does.Contain("mode: fast"));
    }

    [Test]
    public void A_missing_kustomization_folder_is_named()
    {
        var failure = Assert.ThrowsAsync<DirectoryNotFoundException>(() => client.KustomizeAsync("/nonexistent/overlay"))!;

        Assert.That(failure.Message, Does.Contain("/nonexistent/overlay"));
    }
}
