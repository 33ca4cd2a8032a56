using Release.Delivery.Tests.Support;
using Release.Helm.Flux;
using Release.Testing.Git;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// The real GitOps deployer against a module folder rendered from the configuration source (it carries
/// <c>image-values.yaml</c>): only the chart pin and the image values change, the rendered files stay byte for byte.
/// </summary>
public class GitOpsRenderedFolderTests
{
    private const string ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string ChartDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    [Test]
    public async Task Deploying_into_a_rendered_folder_writes_only_the_chart_pin_and_the_image_values()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        using var seed = await remote.CloneAsync();
        // What the environment renderer writes for dev/director: its own values, an empty image values ConfigMap.
        var rendered = new FluxManifestWriter().Render(new FluxReleaseSpec("dev", "director", "director-dev", "oci://registry.example:5000/charts/director")
        {
            SemverRange = ">=0.0.0-0",
            Values = new Dictionary<string, object?> { ["configMap"] = "director-config" },
            SeparateImageValues = true,
        });
        foreach (var (name, content) in rendered) seed.WriteFile($"environments/dev/director/{name}", content);
        await seed.GitAsync(["add", "-A"]);
        await seed.GitAsync(["-c", "user.name=Render", "-c", "user.email=render@example.com", "commit", "-qm", "config: render dev"]);
        await seed.GitAsync(["push", "-q", "origin", "main"]);
        using var root = new PipelineRoot();
        await root.WriteSourceAsync();
        await root.WritePushAsync("registry.example:5000", "apps/director", "1.2.3_gabc1234", ImageDigest);
        await root.WriteChartAsync("registry.example:5000", ChartDigest, ImageDigest);

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "dev", "--gitops-repository", remote.Path,
            "--deployed-by", "alice");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var clone = await remote.CloneAsync();
        var changed = (await clone.GitAsync(["diff", "--name-only", "HEAD~1", "HEAD"])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(changed, Is.EqualTo(new[] { "environments/dev/director/image-values.yaml", "environments/dev/director/ocirepository.yaml" }));
        var folder = Path.Combine(clone.Path, "environments", "dev", "director");
        Assert.That(File.ReadAllText(Path.Combine(folder, "image-values.yaml")), Does.Contain($"digest: {ImageDigest}").And.Contain("name: director-image"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "ocirepository.yaml")), Does.Contain($"digest: {ChartDigest}"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "values-configmap.yaml")), Is.EqualTo(rendered["values-configmap.yaml"]).And.Not.Contain(ImageDigest));
    }
}
