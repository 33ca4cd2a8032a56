using Release.Helm.Flux;
using Release.Helm.Tests.Support;
using Release.Helm.Yaml;
using Release.Testing.Npm;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Tests.Flux;

public class FluxManifestWriterTests
{
    private const string Digest = "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    private static FluxReleaseSpec Spec() => new("production", "order-router", "trading", "oci://registry.local/charts/order-router")
    {
        Digest = Digest,
        Interval = TimeSpan.FromMinutes(10),
        Values = new Dictionary<string, object?>
        {
            ["replicaCount"] = 3,
            ["config"] = new Dictionary<string, object?> { ["VENUE"] = "XLON", ["RATE"] = "1.10" },
            ["hosts"] = new[] { "a.bank.internal", "b.bank.internal" },
            ["debug"] = false,
        },
    };

    private static YamlMappingNode Parse(IReadOnlyDictionary<string, string> files, string name) => YamlFile.ParseMapping(files[name], name);

    private static string At(YamlMappingNode root, string dotted) => AtKeys(root, dotted.Split('.'));

    private static string AtKeys(YamlMappingNode root, params string[] keys)
    {
        YamlNode node = root;
        foreach (var key in keys)
            node = int.TryParse(key, out var i) ? ((YamlSequenceNode)node).Children[i] : ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return ((YamlScalarNode)node).Value!;
    }

    [Test]
    public async Task The_Flux_resources_validate_against_Fluxs_schemas()
    {
        using var folder = new TemporaryDirectory();
        var written = new List<string>();
        foreach (var (name, text) in new FluxManifestWriter().Render(Spec()))
        {
            var path = folder.Combine(name);
            await File.WriteAllTextAsync(path, text);
            written.Add(path);
        }

        var (exitCode, output) = await FluxSchemas.ValidateAsync([.. written]);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("checked OCIRepository source.toolkit.fluxcd.io/v1").And.Contain("checked HelmRelease helm.toolkit.fluxcd.io/v2"));
    }

    [Test]
    public async Task The_schema_check_rejects_a_wrong_OCIRepository()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Combine("ocirepository.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: x\nspec:\n  interval: 5\n  url: oci://r/c\n");

        var (exitCode, output) = await FluxSchemas.ValidateAsync(path);

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("interval"));
    }

    [Test]
    public void OciRepository_selects_the_helm_chart_layer_by_digest()
    {
        var repository = Parse(new FluxManifestWriter().Render(Spec()), "ocirepository.yaml");
        Assert.That(At(repository, "apiVersion"), Is.EqualTo("source.toolkit.fluxcd.io/v1"));
        Assert.That(At(repository, "kind"), Is.EqualTo("OCIRepository"));
        Assert.That(At(repository, "metadata.name"), Is.EqualTo("order-router"));
        Assert.That(At(repository, "metadata.namespace"), Is.EqualTo("trading"));
        Assert.That(At(repository, "spec.url"), Is.EqualTo("oci://registry.local/charts/order-router"));
        Assert.That(At(repository, "spec.interval"), Is.EqualTo("10m0s"));
        Assert.That(At(repository, "spec.ref.digest"), Is.EqualTo(Digest));
        Assert.That(At(repository, "spec.layerSelector.mediaType"), Is.EqualTo("application/vnd.cncf.helm.chart.content.v1.tar+gzip"));
        Assert.That(At(repository, "spec.layerSelector.operation"), Is.EqualTo("copy"));
    }

    [Test]
    public void HelmRelease_refers_to_the_source_and_reads_values_from_the_configmap()
    {
        var files = new FluxManifestWriter().Render(Spec());
        var release = Parse(files, "helmrelease.yaml");
        Assert.That(At(release, "apiVersion"), Is.EqualTo("helm.toolkit.fluxcd.io/v2"));
        Assert.That(At(release, "spec.chartRef.kind"), Is.EqualTo("OCIRepository"));
        Assert.That(At(release, "spec.chartRef.name"), Is.EqualTo("order-router"));
        Assert.That(At(release, "spec.install.remediation.retries"), Is.EqualTo("3"));
        Assert.That(At(release, "spec.upgrade.remediation.strategy"), Is.EqualTo("rollback"));
        Assert.That(At(release, "spec.valuesFrom.0.name"), Is.EqualTo("order-router-values"));
        Assert.That(At(release, "spec.valuesFrom.0.valuesKey"), Is.EqualTo("values.yaml"));

        var configMap = Parse(files, "values-configmap.yaml");
        Assert.That(AtKeys(configMap, "metadata", "labels", "reconcile.fluxcd.io/watch"), Is.EqualTo("Enabled"));
        var values = YamlFile.ParseMapping(AtKeys(configMap, "data", "values.yaml"), "values.yaml");
        Assert.That(At(values, "config.RATE"), Is.EqualTo("1.10"));
        Assert.That(At(values, "replicaCount"), Is.EqualTo("3"));
        Assert.That(At(values, "hosts.1"), Is.EqualTo("b.bank.internal"));
        Assert.That(files["values-configmap.yaml"], Does.Contain("RATE: \"1.10\""), "version-like strings stay strings");
        Assert.That(files["kustomization.yaml"], Is.EqualTo(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - helmrelease.yaml\n  - ocirepository.yaml\n  - values-configmap.yaml\n"));
    }

    [Test]
    public void Inline_values_and_semver_selection()
    {
        var files = new FluxManifestWriter().Render(Spec() with { Digest = null, SemverRange = ">=1.4.0 <2.0.0", ValuesMode = FluxValuesMode.Inline });
        Assert.That(files.Keys, Is.EqualTo(new[] { "helmrelease.yaml", "kustomization.yaml", "ocirepository.yaml" }));
        Assert.That(At(Parse(files, "ocirepository.yaml"), "spec.ref.semver"), Is.EqualTo(">=1.4.0 <2.0.0"));
        Assert.That(At(Parse(files, "helmrelease.yaml"), "spec.values.config.VENUE"), Is.EqualTo("XLON"));
    }

    [Test]
    public void Output_is_deterministic()
    {
        var first = new FluxManifestWriter().Render(Spec());
        var second = new FluxManifestWriter().Render(Spec());
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Invalid_spec_names_each_field()
    {
        var spec = Spec() with { Module = "Order_Router", Tag = "1.0.0+x", ChartUrl = "registry.local/charts/x" };
        var message = Assert.Throws<ArgumentException>(() => new FluxManifestWriter().Render(spec))!.Message;
        Assert.That(message, Does.Contain("Module 'Order_Router'").And.Contain("ChartUrl").And.Contain("exactly one of Digest, Tag or SemverRange (found 2)").And.Contain("Tag '1.0.0+x'"));
    }

    [Test]
    public async Task Kubectl_kustomize_accepts_the_written_folder()
    {
        using var repository = new TemporaryDirectory();
        var writer = new FluxManifestWriter();
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(repository.Combine("environments", "production", "order-router")).FullName, "values-configmap.yaml"), "stale");
        await writer.WriteAsync(repository.Path, Spec() with { ValuesMode = FluxValuesMode.Inline });
        Assert.That(File.Exists(repository.Combine("environments", "production", "order-router", "values-configmap.yaml")), Is.False, "stale generated file removed");

        var written = await writer.WriteAsync(repository.Path, Spec() with { SeparateImageValues = true });
        var folder = repository.Combine("environments", "production", "order-router");
        Assert.That(written.Select(Path.GetFileName), Is.EquivalentTo(FluxManifestWriter.FileNames));

        // Real kubectl (client only): kustomize builds the folder offline and fails on invalid YAML or resources.
        var (exitCode, output, error) = await ExternalCommand.RunAsync("kubectl", "kustomize", folder);
        Assert.That(exitCode, Is.EqualTo(0), error);
        var documents = new YamlStream();
        documents.Load(new StringReader(output));
        Assert.That(documents.Documents.Select(d => At((YamlMappingNode)d.RootNode, "kind")),
            Is.EquivalentTo(new[] { "ConfigMap", "ConfigMap", "HelmRelease", "OCIRepository" }));
    }

    [Test]
    public void DependsOn_lists_the_releases_flux_must_have_ready_first_sorted_and_is_absent_without_dependencies()
    {
        var writer = new FluxManifestWriter();

        var release = writer.Render(Spec() with { DependsOn = ["pricing", "ledger", "pricing"] })["helmrelease.yaml"];
        var alone = writer.Render(Spec())["helmrelease.yaml"];

        Assert.That(release, Does.Contain("  dependsOn:\n    - name: ledger\n    - name: pricing\n"));
        Assert.That(alone, Does.Not.Contain("dependsOn"));
    }

    [Test]
    public void A_release_depending_on_itself_is_refused() =>
        Assert.That(() => new FluxManifestWriter().Render(Spec() with { DependsOn = ["order-router"] }),
            Throws.ArgumentException.With.Message.Contains("DependsOn 'order-router': name another module's HelmRelease"));
}
