using Release.Delivery.Chart;
using Release.Delivery.Deploy;
using Release.Delivery.Push;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Testing.Git;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Oci;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// <see cref="IDeploy.DeployReleaseAsync"/>, the entry point the release process uses: a given release (not the
/// build's stage records) deployed through the environment's declared deployer, here GitOps into real bare repositories.
/// </summary>
public class ReleaseDeploymentTests
{
    private const string ImageDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    private const string ChartDigest = "sha256:4444444444444444444444444444444444444444444444444444444444444444";

    [Test]
    public async Task A_given_release_is_committed_to_the_environments_own_repository_pinning_both_digests()
    {
        using var shared = await TempBareRemote.CreateWithCommitsAsync(1);
        using var production = await TempBareRemote.CreateWithCommitsAsync(1);
        using var root = new PipelineRoot(); // no stage records at all: everything comes from the release

        var run = await BuildRunner.RunAsync<ReleaseDeployBuild>(root.Path, "DeployGiven", "--gitops-repository", shared.Path,
            "--production-repository", production.Path, "--given-digest", ImageDigest);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var clone = await production.CloneAsync();
        var folder = Path.Combine(clone.Path, "environments", "production", "director");
        Assert.That(File.ReadAllText(Path.Combine(folder, "ocirepository.yaml")),
            Does.Contain($"digest: {ChartDigest}").And.Contain("oci://registry.example:5000/production/charts/director"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "values-configmap.yaml")), Does.Contain(ImageDigest).And.Contain("registry.example:5000/production/director"));
        Assert.That(await clone.GitAsync(["log", "-1", "--format=%an%n%B"]), Does.StartWith("carol\ndeploy(production): director 1.4.0")
            .And.Contain("Chart: 1.4.0+g0156133 (" + ChartDigest + ")").And.Contain("Source-Commit: 0156133").And.Contain("Deployed-By: carol"));
        Assert.That(await GitCli.RunAsync(shared.Path, ["rev-list", "--count", "main"]), Is.EqualTo("1"), "the shared repository is not production's");

        var record = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("production"), "Deploy", CancellationToken.None);
        Assert.That((record.Deployer, record.Version, record.ImageDigest, record.DeployedBy, record.Url),
            Is.EqualTo(("gitops", "1.4.0", ImageDigest, "carol", "https://director.example")));
        Assert.That(run.Output, Does.Contain("outcome: commit"));
    }

    [Test]
    public async Task A_tag_instead_of_a_digest_is_refused_and_nothing_is_committed()
    {
        using var production = await TempBareRemote.CreateWithCommitsAsync(1);
        using var root = new PipelineRoot();

        var run = await BuildRunner.RunAsync<ReleaseDeployBuild>(root.Path, "DeployGiven", "--production-repository", production.Path, "--given-digest", "1.4.0");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("Deploy: the release director 1.4.0 for 'production' cannot be deployed: 'registry.example:5000/production/director:1.4.0' names no digest"));
        Assert.That(await GitCli.RunAsync(production.Path, ["rev-list", "--count", "main"]), Is.EqualTo("1"));
        Assert.That(root.Paths.DeploymentRecord("production").FileExists(), Is.False);
    }

    [Test]
    public async Task An_undeclared_environment_is_refused_listing_the_declared_ones()
    {
        using var root = new PipelineRoot();

        var run = await BuildRunner.RunAsync<ReleaseDeployBuild>(root.Path, "DeployGiven", "--given-environment", "qa", "--given-digest", ImageDigest);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("the environment 'qa' is not declared. Declared environments: staging, production"));
    }
}

/// <summary>A build that deploys a release given on the command line, the way Promote hands one to Deploy.</summary>
internal sealed class ReleaseDeployBuild : Build, IDeploy
{
    [Parameter("Production's own environment repository")]
    readonly string? ProductionRepository = null;

    [Parameter("Image digest of the release")]
    readonly string? GivenDigest = null;

    [Parameter("Environment to deploy the release to")]
    readonly string GivenEnvironment = "production";

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("staging", Deployers.GitOps, "director-staging", "staging"),
        new("production", Deployers.GitOps, "director", "main") { Url = "https://director.example", GitopsRepository = ProductionRepository },
    ];

    Target DeployGiven => _ => _.Executes(async ct =>
    {
        // A digest pins the image; anything else given is taken as a tag, which a deployment must refuse.
        var image = GivenDigest is { } given && given.StartsWith("sha256:", StringComparison.Ordinal)
            ? new OciReference("registry.example:5000", "production/director", digest: given)
            : new OciReference("registry.example:5000", "production/director", tag: GivenDigest ?? "latest");
        var release = new ReleaseToDeploy("1.4.0", "0156133", image,
            new ChartLocation(OciReference.Parse("oci://registry.example:5000/production/charts/director@sha256:4444444444444444444444444444444444444444444444444444444444444444"),
                "1.4.0+g0156133"), "carol");
        var outcome = await ((IDeploy)this).DeployReleaseAsync(GivenEnvironment, release, ct);
        Log.Information($"outcome: {outcome.Detail}");
    });
}
