using System.Net;
using Release.Delivery.Tests.Support;
using Release.Testing.Git;
using Release.Tooling.Http;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Tests.Deploy;

/// <summary>GitOps deploys into real git repositories (a bare remote in a temp folder), with a real webhook listener.</summary>
public class GitOpsDeployTests
{
    private const string ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string ChartDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static async Task<PipelineRoot> RootAsync()
    {
        var root = new PipelineRoot();
        await root.WriteSourceAsync();
        await root.WritePushAsync("registry.example:5000", "apps/director", "1.2.3_gabc1234", ImageDigest);
        await root.WriteChartAsync("registry.example:5000", ChartDigest, ImageDigest);
        return root;
    }

    [Test]
    public async Task Deploying_commits_flux_manifests_with_version_digest_and_who_and_notifies_slack()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        using var root = await RootAsync();
        await using var webhook = new WebhookListener();

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "dev", "--gitops-repository", remote.Path,
            "--deployed-by", "alice", "--slack-webhook", webhook.Url);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var clone = await remote.CloneAsync();
        var folder = Path.Combine(clone.Path, "environments", "dev", "director");
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "helmrelease.yaml", "kustomization.yaml", "ocirepository.yaml", "values-configmap.yaml" }));
        var source = File.ReadAllText(Path.Combine(folder, "ocirepository.yaml"));
        Assert.That(source, Does.Contain(ChartDigest).And.Contain("oci://registry.example:5000/charts/director"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "values-configmap.yaml")), Does.Contain(ImageDigest));
        Assert.That(File.ReadAllText(Path.Combine(folder, "helmrelease.yaml")), Does.Contain("director-dev"));
        var message = await clone.GitAsync(["log", "-1", "--format=%an%n%B"]);
        Assert.That(message, Does.StartWith("alice\ndeploy(dev): director 1.2.3").And.Contain("Version: 1.2.3").And.Contain(ChartDigest)
            .And.Contain($"apps/director@{ImageDigest}").And.Contain("Deployed-By: alice"));

        var record = await StageRecord.ReadAsync<DeploymentRecord>(root.Paths.DeploymentRecord("dev"), "Deploy", CancellationToken.None);
        Assert.That((record.Environment, record.Deployer, record.Url, record.Version, record.ImageDigest, record.DeployedBy),
            Is.EqualTo(("dev", "gitops", "https://director.dev.example", "1.2.3", ImageDigest, "alice")));

        Assert.That(webhook.Messages, Has.Count.EqualTo(1));
        var slack = webhook.Messages[0].ToJsonString();
        Assert.That(webhook.Messages[0]["blocks"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("header"));
        Assert.That(slack, Does.Contain("director 1.2.3 deployed to dev").And.Contain("*Commit*\\nabc1234").And.Contain("*Deployed by*\\nalice"));
        Assert.That(webhook.Messages[0]["blocks"]![2]!["text"]!["text"]!.GetValue<string>(),
            Is.EqualTo("*Link:* <https://director.dev.example|https://director.dev.example>"));
        Assert.That(run.Output, Does.Not.Contain("secret-token"), "the webhook URL is a secret");
    }

    [Test]
    public async Task A_deployer_named_by_e_mail_is_the_commit_author_with_that_e_mail()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        using var root = await RootAsync();

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "dev", "--gitops-repository", remote.Path,
            "--deployed-by", "alice.sre@bank.example");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var clone = await remote.CloneAsync();
        Assert.That(await clone.GitAsync(["log", "-1", "--format=%an|%ae"]), Is.EqualTo("alice.sre@bank.example|alice.sre@bank.example"));
    }

    [Test]
    public async Task Two_concurrent_deploys_both_land()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        using var first = await RootAsync();
        using var second = await RootAsync();

        var runs = await Task.WhenAll(
            BuildRunner.RunAsync<DeployOnlyBuild>(first.Path, "Deploy", "--environment", "dev", "--gitops-repository", remote.Path, "--deployed-by", "alice"),
            BuildRunner.RunAsync<DeployOnlyBuild>(second.Path, "Deploy", "--environment", "staging", "--gitops-repository", remote.Path, "--deployed-by", "bob"));

        Assert.That(runs.Select(r => r.ExitCode), Is.EqualTo(new[] { 0, 0 }), string.Join("\n", runs.Select(r => r.ToString())));
        using var clone = await remote.CloneAsync();
        var subjects = (await clone.GitAsync(["log", "--format=%s"])).Split('\n');
        Assert.That(subjects, Does.Contain("deploy(dev): director 1.2.3").And.Contain("deploy(staging): director 1.2.3"));
        Assert.That(Directory.Exists(Path.Combine(clone.Path, "environments", "dev", "director")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(clone.Path, "environments", "staging", "director")), Is.True);
    }

    [Test]
    public async Task A_deploy_that_loses_the_push_race_to_another_deploy_of_the_same_environment_writes_itself_again_on_top()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        using var root = await RootAsync();
        // Another pipeline deploys 1.2.2 to dev between our clone and our push: both change the same files.
        await remote.LoseNextPushRaceAsync("environments/dev/director/values-configmap.yaml", "data:\n  from: carol\n", "deploy(dev): director 1.2.2");

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "dev", "--gitops-repository", remote.Path,
            "--deployed-by", "alice");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("Another change reached").And.Contain("writing this deploy again on top of it"));
        using var clone = await remote.CloneAsync();
        var history = (await clone.GitAsync(["log", "--format=%an: %s"])).Split('\n');
        Assert.That(history.Take(2), Is.EqualTo(new[] { "alice: deploy(dev): director 1.2.3", "carol: deploy(dev): director 1.2.2" }),
            "both deploys landed, ours last");
        var values = File.ReadAllText(Path.Combine(clone.Path, "environments", "dev", "director", "values-configmap.yaml"));
        Assert.That(values, Does.Contain(ImageDigest).And.Not.Contain("carol"), "the environment ends at the deploy pushed last");
    }

    [Test]
    public async Task A_failing_webhook_is_a_warning_and_the_deploy_succeeds()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        using var root = await RootAsync();
        await using var webhook = new WebhookListener(HttpStatusCode.InternalServerError);

        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "staging", "--gitops-repository", remote.Path,
            "--slack-webhook", webhook.Url);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(webhook.Messages, Has.Count.EqualTo(new HttpRetryPolicy().MaxAttempts), "the notification was attempted, and retried a bounded number of times");
        Assert.That(run.Output, Does.Contain("warning: The Slack notification failed").And.Contain("500").And.Contain("the deployment itself succeeded"));
        Assert.That(run.Output, Does.Not.Contain("secret-token"));
        Assert.That(root.Paths.DeploymentRecord("staging").FileExists(), Is.True);
    }

    [Test]
    public async Task An_undeclared_environment_is_refused_listing_the_declared_ones()
    {
        using var root = await RootAsync();

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Deploy", "--environment", "qa", "--skip");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("the environment 'qa' is not declared. Declared environments: local, dev, staging, production"));
        Assert.That(Directory.Exists(Path.Combine(root.Path, "artifacts", "modules", "director", "deploy")), Is.False);
    }

    [Test]
    public async Task A_build_of_another_branch_is_not_deployed_where_only_main_feeds()
    {
        using var root = new PipelineRoot();
        await root.WriteSourceAsync(branch: "feature/x");

        var run = await BuildRunner.RunAsync<DeliveryBuild>(root.Path, "Deploy", "--environment", "production", "--skip");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("environment 'production' is fed by branch 'main', but this build is of 'feature/x'"));
    }
}
