using Release.Engine;
using Release.Environments.Rendering;

namespace Release.Environments.Tests;

/// <summary>The environment repository rendered from the one source: layout, module order, values, ConfigMaps, stable bytes.</summary>
public class RenderingTests
{
    private SampleSource _sample = null!;

    [SetUp]
    public void Create() => _sample = new SampleSource();

    [TearDown]
    public void Delete() => _sample.Dispose();

    private CheckedEnvironments Checked => SampleSource.Declared.Check(_sample.Application, _sample.Root);

    private RenderedRepository Render() => EnvironmentRenderer.Render(Checked, new EnvironmentRenderOptions("oci://registry.local/charts"));

    [Test]
    public void Every_gitops_environment_gets_one_flux_kustomization_and_each_module_its_release_values_and_config()
    {
        var rendered = Render();

        Assert.That(rendered.Environments, Is.EqualTo(new[] { "friendly-user", "pre-prod", "production", "staging" }), "local is not fed through GitOps");
        Assert.That(rendered.Files.Keys.Where(p => p.StartsWith("environments/staging/", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "environments/staging/config/director.yaml", "environments/staging/config/gateway.yaml", "environments/staging/config/ledger.yaml",
            "environments/staging/director/helmrelease.yaml", "environments/staging/director/image-values.yaml",
            "environments/staging/director/kustomization.yaml", "environments/staging/director/ocirepository.yaml", "environments/staging/director/values-configmap.yaml",
            "environments/staging/gateway/helmrelease.yaml", "environments/staging/gateway/image-values.yaml",
            "environments/staging/gateway/kustomization.yaml", "environments/staging/gateway/ocirepository.yaml", "environments/staging/gateway/values-configmap.yaml",
            "environments/staging/kustomization.yaml",
            "environments/staging/ledger/helmrelease.yaml", "environments/staging/ledger/image-values.yaml",
            "environments/staging/ledger/kustomization.yaml", "environments/staging/ledger/ocirepository.yaml", "environments/staging/ledger/values-configmap.yaml",
        }));
        Assert.That(rendered.Files["clusters/eu-test/staging.yaml"], Is.EqualTo("""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: staging
              namespace: flux-system
            spec:
              interval: 5m0s
              path: ./environments/staging
              prune: true
              sourceRef:
                kind: GitRepository
                name: flux-system
              targetNamespace: director-staging

            """));
        Assert.That(rendered.Files["clusters/eu-prod/production.yaml"], Does.Contain("path: ./environments/production"));
        Assert.That(rendered.Files["environments/staging/kustomization.yaml"], Does.Contain("  - config/ledger.yaml\n  - director\n  - gateway\n  - ledger\n"));
    }

    [Test]
    public void A_modules_helm_release_depends_on_the_modules_it_needs_following_the_application_graph()
    {
        var rendered = Render();

        var gateway = rendered.Files["environments/production/gateway/helmrelease.yaml"];
        Assert.That(gateway, Does.Contain("  dependsOn:\n    - name: director\n    - name: ledger\n"));
        Assert.That(gateway, Does.Contain("namespace: director\n"));
        Assert.That(rendered.Files["environments/production/ledger/helmrelease.yaml"], Does.Not.Contain("dependsOn"));
    }

    [Test]
    public void Configuration_becomes_a_typed_config_map_and_chart_values_with_secrets_by_reference_only()
    {
        var rendered = Render();

        Assert.That(rendered.Files["environments/staging/config/gateway.yaml"], Is.EqualTo("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                app.kubernetes.io/name: gateway
                app.kubernetes.io/part-of: director
                release.environment: staging
              name: gateway-config
              namespace: director-staging
            data:
              LOG_LEVEL: debug
              TIMEOUT_SECONDS: "30"
              new-checkout: "true"

            """));
        var values = rendered.Files["environments/staging/gateway/values-configmap.yaml"];
        Assert.That(values, Does.Contain("configMap: gateway-config"));
        Assert.That(values, Does.Contain("new-checkout: true"));
        Assert.That(values, Does.Contain("LEDGER_TOKEN:\n        key: ledger-token\n        secretName: gateway-secrets"));
        Assert.That(rendered.Files["environments/production/gateway/values-configmap.yaml"], Does.Contain("new-checkout: false"));
    }

    [Test]
    public void The_friendly_user_environment_has_its_flags_on_and_production_off()
    {
        var rendered = Render();

        Assert.That(rendered.Files["environments/friendly-user/config/director.yaml"], Does.Contain("friendly-users: \"true\""));
        Assert.That(rendered.Files["environments/production/config/director.yaml"], Does.Contain("friendly-users: \"false\""));
    }

    [Test]
    public void Rendering_twice_gives_the_same_bytes() =>
        Assert.That(Render().Files, Is.EqualTo(Render().Files));

    [Test]
    public void Two_environments_differ_only_where_their_overlays_say()
    {
        var environments = Checked;
        var rendered = Render();

        Assert.That(OverlayProof.DifferingKeys(rendered, "staging", "production", "gateway"), Is.EqualTo(new[] { "LOG_LEVEL", "new-checkout" }));
        Assert.That(OverlayProof.Unexplained(environments, rendered, "staging", "production", "gateway"), Is.Empty);
        Assert.That(OverlayProof.DifferingKeys(rendered, "friendly-user", "production", "ledger"), Is.Empty);
        foreach (var module in environments.Application.ModuleNames)
            Assert.That(OverlayProof.Unexplained(environments, rendered, "pre-prod", "friendly-user", module), Is.Empty, module);
    }

    [Test]
    public void A_difference_no_overlay_declares_is_named_by_the_proof()
    {
        var environments = Checked;
        var rendered = Render();
        var files = rendered.Files.ToDictionary();
        var path = "environments/production/config/ledger.yaml";
        files[path] = files[path].Replace("RETENTION_DAYS: \"30\"", "RETENTION_DAYS: \"90\"");
        var edited = new RenderedRepository(files, files.Keys.ToDictionary(p => p, rendered.EnvironmentOf));

        var unexplained = OverlayProof.Unexplained(environments, edited, "friendly-user", "production", "ledger");

        Assert.That(unexplained.Select(d => d.ToString()), Is.EqualTo(new[] { $"production: {path} data.RETENTION_DAYS: expected '30', found '90'" }));
    }

    [Test]
    public void An_environment_that_cannot_be_rendered_is_refused_naming_its_declaration()
    {
        var message = Assert.Throws<BuildInputException>(() => EnvironmentRenderer.Render(Checked, new EnvironmentRenderOptions("https://registry.local/charts")))!.Message;

        Assert.That(message, Does.Contain("SampleSource.cs:"));
        Assert.That(message, Does.Contain("environment 'staging', module 'director' cannot be rendered"));
        Assert.That(message, Does.Contain("give the chart's OCI repository without tag"));
    }

    // kubectl builds kustomizations offline (no API server needed): the layout must be one kustomize really reads.
    [Test]
    public async Task Kubectl_kustomize_builds_each_rendered_environment()
    {
        var rendered = Render();
        using var repository = new Release.Testing.TempDirectory("release-environments-kustomize");
        foreach (var (path, content) in rendered.Files) repository.WriteFile(path, content);

        var start = new System.Diagnostics.ProcessStartInfo("kubectl", ["kustomize", repository.Combine("environments", "staging")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.EqualTo(0), error);
        Assert.That(output.Split("\n---\n").Select(d => d.Split('\n').First(l => l.StartsWith("kind: ", StringComparison.Ordinal))[6..]).Order(),
            Is.EqualTo(new[] { "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "HelmRelease", "HelmRelease", "HelmRelease", "OCIRepository", "OCIRepository", "OCIRepository" }));
        Assert.That(output, Does.Contain("  dependsOn:\n  - name: director\n  - name: ledger\n"));
    }
}
