using Release.Engine;
using Release.Engine.Hosting;
using Release.Helm.Flux;
using Release.Testing;
using Release.Testing.Git;

using Release.Environments.Tests.Support;

namespace Release.Environments.Tests;

/// <summary>
/// A deploy into a folder rendered from the configuration source writes only what the deployer owns (chart pin and
/// image values, through <see cref="FluxManifestWriter.WriteDeploymentAsync"/>, the GitOps deployer's own call), so
/// CheckEnvironments still passes after it. Real git remote, real build host.
/// </summary>
public class DeployCoexistenceTests
{
    private const string ChartDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private SampleBuildFolder _folder = null!;
    private TempDirectory _root = null!;
    private TempBareRemote _remote = null!;

    [SetUp]
    public async Task Create()
    {
        _folder = await SampleBuildFolder.CreateAsync("release-environments-deploy");
        (_root, _remote) = (_folder.Root, _folder.Remote);
    }

    [TearDown]
    public void Delete() => _folder.Dispose();

    private async Task<(int Exit, string Output)> RunAsync(string target)
    {
        var output = new StringWriter();
        var exit = await BuildHost.RunAsync<SampleEnvironmentsBuild>([target, "--environments-repository", _remote.FileUrl], null, new BuildHostOptions
        {
            RootDirectory = _root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(output),
            Interactive = false, WriteSchema = false,
        });
        return (exit, output.ToString());
    }

    [Test]
    public async Task Render_then_deploy_then_CheckEnvironments_passes_and_the_release_reads_the_deployed_image()
    {
        var (render, renderOutput) = await RunAsync("RenderEnvironments");
        Assert.That(render, Is.EqualTo(BuildHost.Success), renderOutput);

        var clone = await _remote.CloneAsync();
        var folder = Path.Combine(clone.Path, "environments/production/director");
        var helmRelease = File.ReadAllText(Path.Combine(folder, "helmrelease.yaml"));
        var values = File.ReadAllText(Path.Combine(folder, "values-configmap.yaml"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "image-values.yaml")), Does.Contain("name: director-image").And.Contain("values.yaml: |\n    {}"),
            "rendering writes an empty image values ConfigMap until the first deploy");
        Assert.That(helmRelease, Does.Contain("name: director-values").And.Contain("name: director-image"));
        Assert.That(helmRelease.IndexOf("director-image", StringComparison.Ordinal), Is.GreaterThan(helmRelease.IndexOf("director-values", StringComparison.Ordinal)),
            "the image values come last, so the deployed image wins");

        var written = await new FluxManifestWriter().WriteDeploymentAsync(clone.Path,
            new FluxReleaseSpec("production", "director", "director", "oci://registry.local/charts/director")
            {
                Digest = ChartDigest,
                SeparateImageValues = true,
                ImageValues = new Dictionary<string, object?>
                {
                    ["image"] = new Dictionary<string, object?> { ["repository"] = "registry.local/apps/director", ["digest"] = ImageDigest },
                },
            });
        Assert.That(written.Select(Path.GetFileName), Is.EquivalentTo(new[] { "image-values.yaml", "ocirepository.yaml" }));
        Assert.That(File.ReadAllText(Path.Combine(folder, "helmrelease.yaml")), Is.EqualTo(helmRelease), "the rendered release is not touched");
        Assert.That(File.ReadAllText(Path.Combine(folder, "values-configmap.yaml")), Is.EqualTo(values), "the rendered values are not touched");
        Assert.That(File.ReadAllText(Path.Combine(folder, "image-values.yaml")), Does.Contain($"digest: {ImageDigest}"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "ocirepository.yaml")), Does.Contain($"digest: {ChartDigest}"));
        await clone.GitAsync(["add", "-A"]);
        await clone.GitAsync(["-c", "user.name=Deployer", "-c", "user.email=deployer@example.com", "commit", "-qm", "deploy(production): director 1.2.3"]);
        await clone.GitAsync(["push", "-q", "origin", "main"]);

        var (check, checkOutput) = await RunAsync("CheckEnvironments");
        var (again, againOutput) = await RunAsync("RenderEnvironments");
        var after = await _remote.CloneAsync();

        Assert.That(check, Is.EqualTo(BuildHost.Success), checkOutput);
        Assert.That(again, Is.EqualTo(BuildHost.Success), againOutput);
        Assert.That(File.ReadAllText(Path.Combine(after.Path, "environments/production/director/image-values.yaml")), Does.Contain(ImageDigest),
            "rendering again keeps the deployed image");
    }
}
