using Release.Helm.Charts;
using Release.Helm.Tests.Support;
using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Tests.Charts;

public class ChartGeneratorTests
{
    private TemporaryDirectory _folder = null!;
    private string Chart => _folder.Combine("order-router");

    [SetUp]
    public void CreateFolder() => _folder = new TemporaryDirectory();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string Read(string path) => File.ReadAllText(Path.Combine(Chart, path));

    private YamlMappingNode ReadYaml(string path) => YamlFile.ParseMapping(Read(path), path);

    private static string At(YamlMappingNode root, string dotted)
    {
        YamlNode node = root;
        foreach (var key in dotted.Split('.')) node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return ((YamlScalarNode)node).Value!;
    }

    [Test]
    public async Task Writes_a_complete_chart()
    {
        var written = await new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter(), Chart);

        Assert.That(written, Is.EquivalentTo(new[]
        {
            "Chart.yaml", "values.yaml", ".helmignore", "templates/_helpers.tpl", "templates/configmap.yaml",
            "templates/deployment.yaml", "templates/service.yaml", "templates/serviceaccount.yaml", "templates/ingress.yaml",
            "templates/hpa.yaml", "templates/NOTES.txt", "templates/tests/test-connection.yaml", "values.schema.json",
        }));
        var chart = ReadYaml("Chart.yaml");
        Assert.That(At(chart, "apiVersion"), Is.EqualTo("v2"));
        Assert.That(At(chart, "name"), Is.EqualTo("order-router"));
        Assert.That(At(chart, "version"), Is.EqualTo("1.4.0"));
        Assert.That(At(chart, "type"), Is.EqualTo("application"));
        Assert.That(Read("Chart.yaml"), Does.Contain("appVersion: \"1.4.0\""), "appVersion is always quoted");

        var values = ReadYaml("values.yaml");
        Assert.That(At(values, "image.repository"), Is.EqualTo("registry.local/apps/order-router"));
        Assert.That(At(values, "image.digest"), Is.EqualTo(SampleCharts.Digest));
        Assert.That(At(values, "replicaCount"), Is.EqualTo("2"));
        Assert.That(At(values, "probes.path"), Is.EqualTo("/health"));
        Assert.That(At(values, "config.VENUE"), Is.EqualTo("XLON"));
        Assert.That(At(values, "resources.limits.memory"), Is.EqualTo("256Mi"));
        Assert.That(At(values, "podLabels.team"), Is.EqualTo("trading"));

        var deployment = Read("templates/deployment.yaml");
        Assert.That(deployment, Does.Contain("image: \"{{ .Values.image.repository }}@{{ .Values.image.digest }}\""));
        Assert.That(deployment, Does.Contain("startupProbe:").And.Contain("livenessProbe:").And.Contain("readinessProbe:"));
        Assert.That(At(values, "securityContext.readOnlyRootFilesystem"), Is.EqualTo("true"));
        Assert.That(At(values, "serviceAccount.automount"), Is.EqualTo("false"));
        Assert.That(deployment, Does.Contain("checksum/config: {{ include (print $.Template.BasePath \"/configmap.yaml\") . | sha256sum }}"));
        Assert.That(deployment, Does.Contain("name: {{ include \"order-router.fullname\" . }}-config"));
        Assert.That(Read("templates/_helpers.tpl"), Does.Contain("define \"order-router.labels\"").And.Not.Contain("__CHART__"));
    }

    [TestCase("127.0.0.1:5123/apps/order-router", "apps/order-router")]
    [TestCase("localhost:5000/apps/order-router", "apps/order-router")]
    [TestCase("[::1]:5000/apps/order-router", "apps/order-router")]
    [TestCase("registry.bank.internal/apps/order-router", "registry.bank.internal/apps/order-router")]
    [TestCase("registry.bank.internal:5000/apps/order-router", "registry.bank.internal:5000/apps/order-router")]
    public async Task The_default_image_repository_never_names_a_registry_on_the_build_machine(string pushed, string expected)
    {
        await new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter() with { ImageRepository = pushed }, Chart);
        Assert.That(At(ReadYaml("values.yaml"), "image.repository"), Is.EqualTo(expected));
    }

    [Test]
    public async Task Regenerating_identical_input_rewrites_nothing()
    {
        var generator = new ChartGenerator();
        await generator.GenerateAsync(SampleCharts.OrderRouter(), Chart);
        Assert.That(await generator.GenerateAsync(SampleCharts.OrderRouter(), Chart), Is.Empty);
    }

    [Test]
    public async Task Regenerating_keeps_team_files_and_team_values_but_updates_owned_keys()
    {
        var generator = new ChartGenerator();
        await generator.GenerateAsync(SampleCharts.OrderRouter(), Chart);
        var teamTemplate = Path.Combine(Chart, "templates", "pdb.yaml");
        await File.WriteAllTextAsync(teamTemplate, "kind: PodDisruptionBudget # team's\n");
        var values = Read("values.yaml")
            .Replace("pullPolicy: IfNotPresent", "pullPolicy: Always")      // seeded key: the team's after the first run
            .Replace("replicaCount: 2", "replicaCount: 7")                   // owned key: the build definition wins
            + "dashboard:\n  host: orders.bank.internal\n";                  // team key
        await File.WriteAllTextAsync(Path.Combine(Chart, "values.yaml"), values);
        await File.WriteAllTextAsync(Path.Combine(Chart, "Chart.yaml"), Read("Chart.yaml") + "keywords:\n  - trading\n");

        var next = SampleCharts.OrderRouter() with { ChartVersion = "1.5.0", ImageDigest = "sha256:" + new string('f', 64) };
        await generator.GenerateAsync(next, Chart);

        var merged = ReadYaml("values.yaml");
        Assert.That(At(merged, "image.digest"), Is.EqualTo("sha256:" + new string('f', 64)));
        Assert.That(At(merged, "replicaCount"), Is.EqualTo("2"));
        Assert.That(At(merged, "image.pullPolicy"), Is.EqualTo("Always"));
        Assert.That(At(merged, "dashboard.host"), Is.EqualTo("orders.bank.internal"));
        Assert.That(File.ReadAllText(teamTemplate), Is.EqualTo("kind: PodDisruptionBudget # team's\n"));
        var chart = ReadYaml("Chart.yaml");
        Assert.That(At(chart, "version"), Is.EqualTo("1.5.0"));
        Assert.That(((YamlSequenceNode)chart.Children[new YamlScalarNode("keywords")]).Children, Has.Count.EqualTo(1));
        Assert.That(Read("values.yaml"), Does.StartWith(ChartGenerator.ValuesHeader));
    }

    [Test]
    public async Task Resources_are_seeded_and_then_belong_to_the_team_when_the_build_does_not_set_them()
    {
        var generator = new ChartGenerator();
        var withoutResources = SampleCharts.OrderRouter() with { Resources = null };
        await generator.GenerateAsync(withoutResources, Chart);
        Assert.That(At(ReadYaml("values.yaml"), "resources.requests.cpu"), Is.EqualTo("100m"), "seeded with production defaults");
        await File.WriteAllTextAsync(Path.Combine(Chart, "values.yaml"),
            Read("values.yaml").Replace("    cpu: 100m", "    cpu: 50m"));

        await generator.GenerateAsync(withoutResources, Chart);

        Assert.That(At(ReadYaml("values.yaml"), "resources.requests.cpu"), Is.EqualTo("50m"));
    }

    [Test]
    public async Task Broken_values_yaml_is_reported_with_file_and_line_and_nothing_is_written()
    {
        Directory.CreateDirectory(Chart);
        var valuesPath = Path.Combine(Chart, "values.yaml");
        await File.WriteAllTextAsync(valuesPath, "image:\n  repository: x\n  digest: [unclosed\n");

        var error = Assert.ThrowsAsync<YamlSyntaxException>(() => new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter(), Chart))!;

        Assert.That(error.Message, Does.Contain(valuesPath + ":"));
        Assert.That(Directory.GetFiles(Chart, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { valuesPath }));
    }

    [Test]
    public void Invalid_spec_writes_nothing()
    {
        var spec = SampleCharts.OrderRouter() with { ChartVersion = "director-1-2-3-abc1234" };
        Assert.ThrowsAsync<ArgumentException>(() => new ChartGenerator().GenerateAsync(spec, Chart));
        Assert.That(Directory.Exists(Chart), Is.False);
    }

    [Test]
    public void Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.CatchAsync<OperationCanceledException>(() => new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter(), Chart, cancelled.Token));
    }
}
