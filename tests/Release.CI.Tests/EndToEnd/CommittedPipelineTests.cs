using Release.Testing.GitLab;

namespace Release.CI.Tests.EndToEnd;

/// <summary>
/// This repository's committed <c>.gitlab-ci.yml</c>, run as a GitLab user would run it: gitlab-ci-local 4.73.0 with
/// the shell executor, every job in its own copy of the checkout, artifacts handed on only through <c>needs:</c>, on a
/// <c>main</c> push, then the manual production job. The build is the real one (<c>build.sh</c> compiles
/// <c>build/</c> once, in the <c>build-definition</c> job); the team's CI/CD variables point at temp repositories and a
/// registry process (<see cref="RepositoryUnderTest"/>). The pipeline's own test jobs run two small test projects
/// (<c>TEST_PROJECTS</c>), so this stays within minutes; the real pipeline runs every project.
/// <para>The tests share one checkout and run in order: the production job and the broken test project use the main
/// pipeline's jobs and artifacts, as they would on GitLab.</para>
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public class CommittedPipelineTests
{
    private static readonly TimeSpan PipelineTimeout = TimeSpan.FromMinutes(20);
    private RepositoryUnderTest _repository = null!;
    private CiLocalRun? _main;

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        await GitLabCiLocal.EnsureInstalledAsync();
        _repository = await RepositoryUnderTest.CreateAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _repository.DisposeAsync();

    [Test, Order(1)]
    public async Task A_main_push_runs_every_job_green_compiling_the_build_once_and_testing_the_local_deployment()
    {
        _main = await RunAsync([]);

        Assert.That(_main.ExitCode, Is.EqualTo(0), _main.Output);
        Assert.That(_main.Jobs, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["build-definition"] = "PASS", ["test-1-of-2"] = "PASS", ["test-2-of-2"] = "PASS", ["build"] = "PASS", ["unit-test"] = "PASS",
            ["scan"] = "PASS", ["integrate-local"] = "PASS", ["quality-gate-local"] = "PASS", ["check-ci"] = "PASS",
        }), _main.Output);
        Assert.That(Count(_main.Output, "Compiling the build project"), Is.EqualTo(1), "build.sh compiles the build in build-definition only");

        // The pipeline's own tests left results, one TRX per project of each partition.
        Assert.That(Files("test-1-of-2", "artifacts/test-results", "*.trx"), Is.EqualTo(new[] { "Release.Helm.Tests.trx" }));
        Assert.That(Files("test-2-of-2", "artifacts/test-results", "*.trx"), Is.EqualTo(new[] { "Release.SemVer.Tests.trx" }));
        Assert.That(File.ReadAllText(Path.Combine(_repository.ArtifactsOf("test-2-of-2"), "artifacts/test-results/Release.SemVer.Tests.trx")),
            Does.Contain("outcome=\"Passed\""));

        // Deployed on the runner and integration-tested in the same job; the quality gate scored it.
        Assert.That(Files("integrate-local", "artifacts/deploy", "*.json"), Is.EqualTo(new[] { "local.json" }));
        Assert.That(Files("integrate-local", "artifacts/integration", "junit.xml"), Is.EqualTo(new[] { "junit.xml" }));
        Assert.That(Files("quality-gate-local", "artifacts/release", "channel.json"), Is.EqualTo(new[] { "channel.json" }));
        Assert.That(_main.Jobs, Does.Not.ContainKey("release-to-production"), "production waits for a person");
    }

    [Test, Order(2)]
    public async Task After_the_votes_the_manual_production_job_releases_what_the_main_pipeline_built()
    {
        Assume.That(_main?.ExitCode, Is.EqualTo(0), "needs the main pipeline's jobs and artifacts");
        const string version = "0.1.0";
        var desk = new ReleaseDesk(_repository);
        // The release manager takes the main pipeline's results to the desk, opens the release and promotes it through
        // staging and pre-prod; then the voters and checklist owners act, as docs/release-process.md says.
        CopyPipelineArtifactsToTheDesk();
        await desk.SucceedAsync("Clone", "OpenRelease");
        await desk.SucceedAsync("Promote", "--to", "staging,pre-prod", "--voter", ReleaseDesk.ReleaseManager);
        await desk.CastVotesAndAttestationsAsync(version);

        var run = await RunAsync(["--manual", "release-to-production", "release-to-production"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Jobs, Is.EqualTo(new Dictionary<string, string> { ["release-to-production"] = "PASS" }), run.Output);
        var image = JsonValue(Path.Combine(_repository.ArtifactsOf("integrate-local"), "artifacts/push/push.json"), "digest");
        Assert.That(await Git(_repository.Gitops.Path, "log", "-1", "--format=%an%n%B", "main"),
            Does.StartWith($"{ReleaseDesk.ReleaseManager}\ndeploy(production): director {version}").And.Contain($"/production/director@{image}"),
            "production's GitOps repository pins the image the main pipeline built, by digest");
        Assert.That(await Git(_repository.Source.Path, "tag", "--list", "v" + version), Is.EqualTo("v" + version));

        // The evidence bundle the job left verifies on an auditor's desk.
        var evidence = Path.Combine(_repository.ArtifactsOf("release-to-production"), "artifacts", "evidence", version);
        Assert.That(File.Exists(Path.Combine(evidence, "manifest.json")), Is.True, run.Output);
        CopyFolder(evidence, Path.Combine(_repository.Checkout.Path, "artifacts", "evidence", version));
        Assert.That(await desk.SucceedAsync("VerifyEvidence", "--release", version), Does.Contain("chain of 1 link(s)"));
    }

    [Test, Order(3)]
    public async Task A_merge_request_pipeline_deploys_to_pre_prod_through_GitOps()
    {
        Assume.That(_main?.ExitCode, Is.EqualTo(0), "reuses the main pipeline's build, unit-test and scan jobs (same commit)");
        // A merge request's pipeline is on its source branch (the same commit here).
        await _repository.Checkout.GitAsync(["checkout", "-q", "-b", "feature/x"]);
        await _repository.Checkout.GitAsync(["update-ref", "refs/remotes/origin/feature/x", "HEAD"]);
        string[] mergeRequest = ["--variable", "CI_PIPELINE_SOURCE=merge_request_event", "--ignore-predefined-vars", "CI_PIPELINE_SOURCE"];
        var jobs = await GitLabCiLocal.ListAsync(_repository.Checkout.Path, mergeRequest);
        Assert.That(jobs.Keys, Is.SupersetOf(new[] { "build-definition", "test-1-of-2", "build", "scan", "deploy-pre-prod", "quality-gate-pre-prod" }));
        Assert.That(jobs.Keys, Has.None.Contains("local").And.None.Contains("production").And.None.Contains("staging"));

        var run = await RunAsync([.. mergeRequest, "deploy-pre-prod"]);

        Assert.That(run.Jobs, Is.EqualTo(new Dictionary<string, string> { ["deploy-pre-prod"] = "PASS" }), run.Output);
        // The release manager promoted this release to pre-prod already, so GitOps may find nothing to commit: the
        // environment's files pin the image by digest either way.
        var image = JsonValue(Path.Combine(_repository.ArtifactsOf("deploy-pre-prod"), "artifacts/push/push.json"), "digest");
        Assert.That(await Git(_repository.Gitops.Path, "show", "main:environments/pre-prod/director/values-configmap.yaml"), Does.Contain($"digest: {image}"));
    }

    [Test, Order(4)]
    public async Task A_staging_pipeline_deploys_to_staging_only()
    {
        Assume.That(_main?.ExitCode, Is.EqualTo(0), "reuses the main pipeline's build, unit-test and scan jobs (same commit)");
        await _repository.Checkout.GitAsync(["checkout", "-q", "-b", "staging", "main"]);
        await _repository.Checkout.GitAsync(["update-ref", "refs/remotes/origin/staging", "HEAD"]);
        var jobs = await GitLabCiLocal.ListAsync(_repository.Checkout.Path);
        Assert.That(jobs.Keys, Is.SupersetOf(new[] { "build", "scan", "deploy-staging", "quality-gate-staging" }));
        Assert.That(jobs.Keys, Has.None.Contains("local").And.None.Contains("production").And.None.Contains("pre-prod"));

        // The module is cloned from the job's own checkout (no SOURCE_REPOSITORY), so the build is of branch staging.
        var variables = _repository.Variables;
        variables.Remove("SOURCE_REPOSITORY");
        using var timeout = new CancellationTokenSource(PipelineTimeout);
        var run = await GitLabCiLocal.RunAsync(_repository.Checkout.Path, variables, ["deploy-staging"], timeout.Token);
        await TestContext.Out.WriteLineAsync(run.Output);

        Assert.That(run.Jobs, Is.EqualTo(new Dictionary<string, string> { ["deploy-staging"] = "PASS" }), run.Output);
        Assert.That(await Git(_repository.Gitops.Path, "log", "-1", "--format=%B", "main"), Does.StartWith("deploy(staging): director 0.1.0"));
    }

    [Test, Order(5)]
    public async Task A_broken_test_project_fails_its_test_job()
    {
        Assume.That(_main?.ExitCode, Is.EqualTo(0), "needs the main pipeline's build-definition job");
        await _repository.CommitAsync("tests/Release.SemVer.Tests/BrokenOnPurposeTests.cs",
            "namespace Release.SemVer.Tests;\n\npublic class BrokenOnPurposeTests\n{\n    [Test]\n    public void Fails() => Assert.Fail(\"broken on purpose\");\n}\n",
            "test: a test that fails");

        // Only the job under test: gitlab-ci-local hands it the build-definition job's artifacts from the main run.
        var run = await RunAsync(["test-2-of-2"]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.Output);
        Assert.That(run.Jobs, Is.EqualTo(new Dictionary<string, string> { ["test-2-of-2"] = "FAIL" }), run.Output);
        Assert.That(run.Output, Does.Contain("Tests failed in Release.SemVer.Tests"));
        Assert.That(File.ReadAllText(Path.Combine(_repository.ArtifactsOf("test-2-of-2"), "artifacts/test-results/Release.SemVer.Tests.trx")),
            Does.Contain("outcome=\"Failed\""), "the failing project still leaves its results");
    }

    private async Task<CiLocalRun> RunAsync(string[] arguments)
    {
        using var timeout = new CancellationTokenSource(PipelineTimeout);
        var run = await GitLabCiLocal.RunAsync(_repository.Checkout.Path, _repository.Variables, arguments, timeout.Token);
        await TestContext.Out.WriteLineAsync(run.Output);
        return run;
    }

    private string[] Files(string job, string folder, string pattern)
    {
        var directory = Path.Combine(_repository.ArtifactsOf(job), folder);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : [];
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    // What a release manager downloads from the pipeline page: every job's artifacts, into the checkout.
    private void CopyPipelineArtifactsToTheDesk()
    {
        foreach (var job in Directory.GetDirectories(Path.Combine(_repository.Checkout.Path, ".gitlab-ci-local", "artifacts")))
            if (Directory.Exists(Path.Combine(job, "artifacts")))
                CopyFolder(Path.Combine(job, "artifacts"), Path.Combine(_repository.Checkout.Path, "artifacts"));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string JsonValue(string file, string property) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty(property).GetString()!;

    private static Task<string> Git(string repository, params string[] arguments) => Release.Testing.Git.GitCli.RunAsync(repository, arguments);
}
