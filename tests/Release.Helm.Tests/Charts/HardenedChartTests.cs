using Release.Helm.Charts;
using Release.Helm.Tests.Support;
using Release.Testing.Npm;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Tests.Charts;

/// <summary>The generated chart as Helm itself sees it: real Helm 3.6.2 lints it strictly and renders it.</summary>
public sealed class HardenedChartTests
{
    private TemporaryDirectory _folder = null!;
    private string Chart => _folder.Combine("order-router");

    [OneTimeSetUp]
    public Task InstallHelm() => HelmBinary.EnsureInstalledAsync();

    [SetUp]
    public async Task GenerateChart()
    {
        _folder = new TemporaryDirectory();
        await new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter() with { Resources = null }, Chart);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task The_chart_passes_helm_lint_strict()
    {
        var (exitCode, output) = await HelmBinary.RunAsync("lint", "--strict", Chart);
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("1 chart(s) linted, 0 chart(s) failed"));
    }

    [Test]
    public async Task Every_optional_part_renders_and_lints_when_switched_on()
    {
        string[] on = ["--set", "ingress.enabled=true,autoscaling.enabled=true,ingress.className=nginx", "--set", "nodeSelector.disktype=ssd"];
        var (lintCode, lint) = await HelmBinary.RunAsync(["lint", "--strict", Chart, .. on]);
        Assert.That(lintCode, Is.Zero, lint);

        var documents = await RenderAsync(on);

        Assert.That(documents.Select(Kind), Is.SupersetOf(new[] { "Ingress", "HorizontalPodAutoscaler" }));
        var deployment = documents.Single(d => Kind(d) == "Deployment");
        Assert.That(Find(deployment, "spec.replicas"), Is.Null, "the autoscaler owns the replica count");
        Assert.That(Scalar(deployment, "spec.template.spec.nodeSelector.disktype"), Is.EqualTo("ssd"));
    }

    [Test]
    public async Task The_rendered_workload_is_hardened_by_default()
    {
        var documents = await RenderAsync();

        Assert.That(documents.Select(Kind), Is.EquivalentTo(new[] { "ServiceAccount", "ConfigMap", "Service", "Deployment", "Pod" }),
            "ingress and autoscaling are off by default; the Pod is the helm test hook");
        var deployment = documents.Single(d => Kind(d) == "Deployment");
        var pod = "spec.template.spec";
        Assert.That(Scalar(deployment, $"{pod}.securityContext.runAsNonRoot"), Is.EqualTo("true"));
        Assert.That(Scalar(deployment, $"{pod}.securityContext.runAsUser"), Is.EqualTo("1654"));
        Assert.That(Scalar(deployment, $"{pod}.securityContext.seccompProfile.type"), Is.EqualTo("RuntimeDefault"));
        Assert.That(Scalar(deployment, $"{pod}.automountServiceAccountToken"), Is.EqualTo("false"));
        Assert.That(Scalar(deployment, $"{pod}.serviceAccountName"), Is.EqualTo("release-order-router"));

        var container = (YamlMappingNode)((YamlSequenceNode)Find(deployment, $"{pod}.containers")!).Children.Single();
        Assert.That(Scalar(container, "securityContext.allowPrivilegeEscalation"), Is.EqualTo("false"));
        Assert.That(Scalar(container, "securityContext.readOnlyRootFilesystem"), Is.EqualTo("true"));
        Assert.That(Scalar(container, "securityContext.runAsNonRoot"), Is.EqualTo("true"));
        Assert.That(Scalar(container, "securityContext.seccompProfile.type"), Is.EqualTo("RuntimeDefault"));
        Assert.That(((YamlSequenceNode)Find(container, "securityContext.capabilities.drop")!).Children.Select(c => c.ToString()), Is.EqualTo(new[] { "ALL" }));
        Assert.That(Scalar(container, "resources.requests.cpu"), Is.EqualTo("100m"));
        Assert.That(Scalar(container, "resources.requests.memory"), Is.EqualTo("128Mi"));
        Assert.That(Scalar(container, "resources.limits.memory"), Is.EqualTo("256Mi"));
        Assert.That(Scalar(container, "resources.limits.cpu"), Is.EqualTo("500m"));
        Assert.That(Scalar(container, "volumeMounts.0.mountPath"), Is.EqualTo("/tmp"), "a writable /tmp beside the read-only root");
        Assert.That(Find(deployment, $"{pod}.volumes.0.emptyDir"), Is.Not.Null);

        Assert.That(Scalar(container, "startupProbe.failureThreshold"), Is.EqualTo("30"));
        Assert.That(Scalar(container, "startupProbe.periodSeconds"), Is.EqualTo("2"));
        Assert.That(Scalar(container, "livenessProbe.periodSeconds"), Is.EqualTo("10"));
        Assert.That(Scalar(container, "readinessProbe.periodSeconds"), Is.EqualTo("5"));
        Assert.That(Scalar(container, "image"), Is.EqualTo($"registry.local/apps/order-router@{SampleCharts.Digest}"));

        var account = documents.Single(d => Kind(d) == "ServiceAccount");
        Assert.That(Scalar(account, "metadata.name"), Is.EqualTo("release-order-router"));
        Assert.That(Scalar(account, "automountServiceAccountToken"), Is.EqualTo("false"));
    }

    [Test]
    public async Task The_test_hook_checks_the_health_path_through_the_service_and_is_hardened_too()
    {
        var (exitCode, output) = await HelmBinary.RunAsync("template", "release", Chart, "--show-only", "templates/tests/test-connection.yaml");
        Assert.That(exitCode, Is.Zero, output);
        var hook = Parse(output).Single();

        Assert.That(Scalar(hook, "metadata.annotations.helm\\.sh/hook"), Is.EqualTo("test"));
        Assert.That(Scalar(hook, "spec.containers.0.args.0"), Is.EqualTo("http://release-order-router:80/health"));
        Assert.That(Scalar(hook, "spec.containers.0.securityContext.readOnlyRootFilesystem"), Is.EqualTo("true"));
    }

    [Test]
    public async Task The_values_schema_rejects_a_wrong_type()
    {
        var (lintCode, lint) = await HelmBinary.RunAsync("lint", "--strict", Chart, "--set", "securityContext.runAsNonRoot=maybe");
        var (templateCode, template) = await HelmBinary.RunAsync("template", "release", Chart, "--set-string", "containerPort=http");

        Assert.That(lintCode, Is.Not.Zero, lint);
        Assert.That(lint, Does.Contain("values don't meet the specifications of the schema").And.Contain("runAsNonRoot"));
        Assert.That(templateCode, Is.Not.Zero, template);
        Assert.That(template, Does.Contain("containerPort").And.Contain("Invalid type"));
    }

    private async Task<List<YamlMappingNode>> RenderAsync(params string[] extra)
    {
        var (exitCode, output) = await HelmBinary.RunAsync(["template", "release", Chart, .. extra]);
        Assert.That(exitCode, Is.Zero, output);
        return Parse(output);
    }

    private static List<YamlMappingNode> Parse(string manifests)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(manifests));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static string Kind(YamlMappingNode document) => Scalar(document, "kind")!;

    private static string? Scalar(YamlMappingNode root, string path) => (Find(root, path) as YamlScalarNode)?.Value;

    // Dotted path; a numeric segment indexes a sequence; "\." escapes a dot inside a key (annotation names).
    private static YamlNode? Find(YamlMappingNode root, string path)
    {
        YamlNode? node = root;
        foreach (var segment in System.Text.RegularExpressions.Regex.Split(path, @"(?<!\\)\.").Select(s => s.Replace("\\.", ".")))
        {
            node = node switch
            {
                YamlMappingNode mapping when mapping.Children.TryGetValue(new YamlScalarNode(segment), out var child) => child,
                YamlSequenceNode sequence when int.TryParse(segment, out var index) && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }
}
