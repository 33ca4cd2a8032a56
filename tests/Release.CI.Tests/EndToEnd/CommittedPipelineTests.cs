using System.Text.Json;
using System.Text.RegularExpressions;
using Release.Testing.GitLab;
using Release.Testing.Signing;
using Release.Testing;

namespace Release.CI.Tests.EndToEnd;

/// <summary>
/// This repository's committed <c>.gitlab-ci.yml</c>, run as a GitLab user would run it: gitlab-ci-local 4.73.0 with
/// the shell executor, every job in its own copy of the checkout, artifacts handed on only through <c>needs:</c>, on a
/// <c>main</c> push, then the manual production job. The build is the real one (<c>build.sh</c> compiles
/// <c>build/</c> once, in the <c>build-definition</c> job); the team's CI/CD variables point at temp repositories and a
/// registry process (<see cref="RepositoryUnderTest"/>). The pipeline's own test jobs run two small test projects
/// (<c>TEST_PROJECTS</c>), so this stays within minutes; the real pipeline runs every project.
/// <para>The tests share one checkout and run in order: the production job and the broken test project use the main
/// pipeline's jobs and artifacts, as they would on GitLab. The merge-request pipeline (on a feature branch, pre-prod) and
/// the <c>staging</c> pipeline each run all their jobs; their quality gates run and fail for want of the environment's
/// URL (no Kubernetes cluster serves the GitOps environments here), which the tests assert.</para>
/// <para>Records are signed as a team would set it up: the clone's committed <c>build/release-roster</c> lists each
/// voter's and the release manager's public key and the production job's key; people sign at their desks with their own
/// key (<c>--signing-key</c>), and the main branch's jobs get the job's key as the protected File-type variable
/// SIGNING_KEY (a path), which merge-request pipelines do not get.</para>
/// </summary>
[NonParallelizable]
[Category("EndToEnd")]
public partial class CommittedPipelineTests
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
            ["build-definition"] = "PASS", ["test-1-of-2"] = "PASS", ["test-2-of-2"] = "PASS", ["unit-test"] = "PASS",
            // Every module of the sample application has its own build, unit-test and scan jobs (the gateway's build runs in its scan job).
            ["build-module-director"] = "PASS", ["build-module-ledger"] = "PASS", ["unit-test-module-director"] = "PASS",
            ["unit-test-module-ledger"] = "PASS", ["unit-test-module-gateway"] = "PASS", ["scan-module-director"] = "PASS",
            ["scan-module-ledger"] = "PASS", ["scan-module-gateway"] = "PASS",
            ["scan"] = "PASS", ["integrate-local"] = "PASS", ["quality-gate-local"] = "PASS", ["check-ci"] = "PASS", ["check-docs"] = "PASS",
        }), _main.Output);
        Assert.That(Count(_main.Output, "Compiling the build project"), Is.EqualTo(1), "build.sh compiles the build in build-definition only");

        // The pipeline's own tests left results, one TRX per project of each partition.
        Assert.That(Files("test-1-of-2", "artifacts/test-results", "*.trx"), Is.EqualTo(new[] { "Release.Helm.Tests.trx" }));
        Assert.That(Files("test-2-of-2", "artifacts/test-results", "*.trx"), Is.EqualTo(new[] { "Release.SemVer.Tests.trx" }));
        Assert.That(File.ReadAllText(Path.Combine(_repository.ArtifactsOf("test-2-of-2"), "artifacts/test-results/Release.SemVer.Tests.trx")),
            Does.Contain("outcome=\"Passed\""));
        // ... and JUnit files, which GitLab shows in the pipeline's Tests tab. They are artifacts:reports:junit, not paths:
        // GitLab collects them from the job's workspace, and gitlab-ci-local exports only paths, so look in the workspace.
        Assert.That(Files("test-1-of-2", "artifacts/test-results", "*.junit.xml", workspace: true), Is.EqualTo(new[] { "Release.Helm.Tests.junit.xml" }));
        Assert.That(Files("test-2-of-2", "artifacts/test-results", "*.junit.xml", workspace: true), Is.EqualTo(new[] { "Release.SemVer.Tests.junit.xml" }));
        Assert.That(File.ReadAllText(Path.Combine(_repository.Checkout.Path, ".gitlab-ci-local", "builds", "test-2-of-2", "artifacts/test-results/Release.SemVer.Tests.junit.xml")),
            Does.Contain("<testcase"));
        // The unit-test job's log carries the line its coverage: regex reads, so GitLab shows the job's coverage figure.
        Assert.That(Regex.IsMatch(_main.Output, @"^unit-test\b.*Line coverage: \d+(?:\.\d+)?%", RegexOptions.Multiline), Is.True, _main.Output);

        // Deployed on the runner and integration-tested in the same job; the quality gate scored it.
        Assert.That(Files("integrate-local", "artifacts/modules/director/deploy", "*.json"), Is.EqualTo(new[] { "local.json" }));
        Assert.That(Files("integrate-local", "artifacts/modules/director/integration", "junit.xml"), Is.EqualTo(new[] { "junit.xml" }));
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
        var manager = desk.KeyOf(ReleaseDesk.ReleaseManager);
        await desk.SucceedAsync("Clone", "OpenRelease", "--signing-key", manager);
        await desk.SucceedAsync("Promote", "--to", "staging,pre-prod", "--voter", ReleaseDesk.ReleaseManager, "--signing-key", manager);
        await desk.CastVotesAndAttestationsAsync(version);

        var run = await RunAsync(["--manual", "release-to-production", "release-to-production"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Jobs, Is.EqualTo(new Dictionary<string, string> { ["release-to-production"] = "PASS" }), run.Output);
        var image = JsonValue(Path.Combine(_repository.ArtifactsOf("integrate-local"), "artifacts/modules/director/push/push.json"), "digest");
        // The job acts as the owner of SIGNING_KEY on the roster: the team's job, not the person who started it.
        Assert.That(await Git(_repository.Gitops.Path, "log", "-1", "--format=%an%n%B", "main"),
            Does.StartWith($"{TeamRoster.Job}\ndeploy(production): director {version}").And.Contain($"/production/director@{image}"),
            "production's GitOps repository pins the image the main pipeline built, by digest");
        Assert.That(await Git(_repository.Source.Path, "tag", "--list", "v" + version), Is.EqualTo("v" + version));

        // The evidence bundle the job left verifies on an auditor's desk.
        var evidence = Path.Combine(_repository.ArtifactsOf("release-to-production"), "artifacts", "evidence", version);
        Assert.That(File.Exists(Path.Combine(evidence, "manifest.json")), Is.True, run.Output);
        TestFolders.Copy(evidence, Path.Combine(_repository.Checkout.Path, "artifacts", "evidence", version));
        Assert.That(await desk.SucceedAsync("VerifyEvidence", "--release", version, "--trusted-keys", _repository.Team.TrustedKeysFile(TeamRoster.Job)),
            Does.Contain("chain of 1 link(s)").And.Contain("signed by trusted keys"));
        // A key the auditor does not trust (a voter's) does not vouch for the job's evidence.
        var (untrusted, output) = await desk.RunAsync("VerifyEvidence", "--release", version, "--trusted-keys", _repository.Team.TrustedKeysFile("lead@example.com"));
        Assert.That(untrusted, Is.Not.EqualTo(0), output);
        Assert.That(output, Does.Contain("NOT intact"));

        // Every event of the release's record is signed: the desk's by their people, the job's by the job.
        var events = JsonDocument.Parse(await Git(_repository.Records.Path, "show", $"main:releases/director-{version}.json")).RootElement
            .GetProperty("events").EnumerateArray().ToArray();
        Assert.That(events.Select(e => e.GetProperty("event").GetString()), Does.Contain("blessed").And.Contain("promoted"));
        Assert.That(events.Where(e => !e.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.String || signature.GetString() is not { Length: > 0 })
            .Select(e => e.GetRawText()), Is.Empty, "every event is signed");
        var votes = events.Where(e => e.GetProperty("event").GetString() == "vote" && e.GetProperty("environment").GetString() == "production").ToArray();
        Assert.That(votes.Select(e => e.GetProperty("voter").GetString()), Is.EquivalentTo(new[] { "lead@example.com", "sre@example.com", "qa@example.com", "pm@example.com" }),
            "each vote is its voter's, as the roster names the key that signed it");
    }

    [Test, Order(3)]
    public async Task A_merge_request_pipeline_runs_its_jobs_on_the_feature_branch_and_deploys_it_to_pre_prod_through_GitOps()
    {
        // A merge request's pipeline runs on its source branch: a feature branch with a commit of its own, so what is
        // built, tested and deployed is that branch's commit, not main's.
        await _repository.Checkout.GitAsync(["checkout", "-q", "-b", "feature/x", "main"]);
        _repository.Checkout.WriteFile("docs/feature-x.md", "# Feature x\n");
        // It touches every module, so every per-module job runs (rules:changes) and the deploy finds each module's
        // records in this pipeline. A merge request touching no module is issue 13's open gap: its deploy would need the
        // target branch's records through GitLab's artifacts API, which gitlab-ci-local does not serve.
        foreach (var module in new[] { "director", "ledger", "gateway" })
            _repository.Checkout.WriteFile($"samples/{module}/feature-x.md", "# Feature x\n");
        await _repository.Checkout.CommitAsync("docs: feature x", RepositoryUnderTest.Developer, ReleaseDesk.CommitTime);
        await _repository.Checkout.GitAsync(["update-ref", "refs/remotes/origin/feature/x", "HEAD"]);
        var mergeRequest = GitLabCiLocal.MergeRequest("feature/x", "main");

        // The source branch is not protected, so protected variables (SIGNING_KEY) never reach the pipeline: every job
        // but the quality gate passes without it.
        var run = await RunBranchPipelineAsync(mergeRequest, protectedBranch: false);

        await AssertGitOpsPipelineAsync(run, mergeRequest, "pre-prod");
        Assert.That(run.Output, Does.Not.Contain(_repository.JobKey), "no job was given the protected SIGNING_KEY");
        // The version is the feature branch's pre-release, computed from the job's checkout of that branch.
        Assert.That(await Git(_repository.Gitops.Path, "log", "-1", "--format=%s", "main"), Does.Match(@"^deploy\(pre-prod\): director 0\.1\.0-alpha\.feature-x\.\d+$"));
        // The pipeline built the feature branch's commit, which is not main's: its image is another one than the main
        // pipeline pushed (integrate-local's artifacts, which no merge-request job replaces).
        Assert.That(JsonValue(Path.Combine(_repository.ArtifactsOf("deploy-pre-prod"), "artifacts/modules/director/push/push.json"), "digest"),
            Is.Not.EqualTo(JsonValue(Path.Combine(_repository.ArtifactsOf("integrate-local"), "artifacts/modules/director/push/push.json"), "digest")),
            "the merge request's own commit is built, not main's");
    }

    [Test, Order(4)]
    public async Task A_staging_pipeline_runs_its_jobs_and_deploys_to_staging_through_GitOps()
    {
        await _repository.Checkout.GitAsync(["checkout", "-q", "-b", "staging", "main"]);
        await _repository.Checkout.GitAsync(["update-ref", "refs/remotes/origin/staging", "HEAD"]);

        // staging is a deploy branch, protected on GitLab as main is (the header asks for protected secrets), so its jobs
        // get the protected SIGNING_KEY as main's do; none of them needs it to pass.
        var run = await RunBranchPipelineAsync([], protectedBranch: true);

        await AssertGitOpsPipelineAsync(run, [], "staging");
        // The version is the staging branch's pre-release, computed from the job's checkout of that branch.
        Assert.That(await Git(_repository.Gitops.Path, "log", "-1", "--format=%s", "main"), Does.Match(@"^deploy\(staging\): director 0\.1\.0-alpha\.staging\.\d+$"));
    }

    // A whole pipeline of a branch other than main. The module is cloned from the job's own checkout (no
    // SOURCE_REPOSITORY, whose repository holds main only), so the build is of the branch the pipeline runs on.
    private async Task<CiLocalRun> RunBranchPipelineAsync(string[] arguments, bool protectedBranch)
    {
        var variables = protectedBranch ? _repository.ProtectedVariables : _repository.Variables;
        variables.Remove("SOURCE_REPOSITORY");
        using var timeout = new CancellationTokenSource(PipelineTimeout);
        var started = DateTime.UtcNow;
        var run = await GitLabCiLocal.RunAsync(_repository.Checkout.Path, variables, arguments, timeout.Token);
        await TestContext.Out.WriteLineAsync(run.Output);
        await TestContext.Out.WriteLineAsync($"pipeline wall time: {(DateTime.UtcNow - started).TotalSeconds:0} s");
        return run;
    }

    /// <summary>
    /// A staging or merge-request (pre-prod) pipeline: every job of it ran, each green but the quality gate, the deploy
    /// job committed the release to the environment's GitOps repository pinning the image by digest. The quality gate
    /// (<c>Clone Integrate QualityGate</c>) is run and fails, as it must here: Integrate tests the deployment at the
    /// environment's URL, and the GitOps environments declare none (their deployment records the GitOps repository),
    /// since no cluster serves them on this machine (no Kubernetes API server can be had). Its failure names that, so a
    /// team that declares the URL knows what made it pass.
    /// </summary>
    private async Task AssertGitOpsPipelineAsync(CiLocalRun run, string[] pipeline, string environment)
    {
        var expected = new Dictionary<string, string>
        {
            ["build-definition"] = "PASS", ["test-1-of-2"] = "PASS", ["test-2-of-2"] = "PASS", ["unit-test"] = "PASS",
            // Every module of the sample application has its own build, unit-test and scan jobs (the gateway's build runs in its scan job).
            ["build-module-director"] = "PASS", ["build-module-ledger"] = "PASS", ["unit-test-module-director"] = "PASS",
            ["unit-test-module-ledger"] = "PASS", ["unit-test-module-gateway"] = "PASS", ["scan-module-director"] = "PASS",
            ["scan-module-ledger"] = "PASS", ["scan-module-gateway"] = "PASS",
            ["scan"] = "PASS", ["check-ci"] = "PASS", ["check-docs"] = "PASS", [$"deploy-{environment}"] = "PASS", [$"quality-gate-{environment}"] = "FAIL",
        };
        // The load test follows the pre-prod deployment only, and fails for the same want of a URL to load.
        if (environment == "pre-prod") expected["load-test-pre-prod"] = "FAIL";
        // The pipeline's jobs are these and no others (none of local, production, or the other environment).
        Assert.That((await GitLabCiLocal.ListAsync(_repository.Checkout.Path, pipeline)).Keys, Is.EquivalentTo(expected.Keys));
        Assert.That(run.Jobs, Is.EquivalentTo(expected), run.Output);
        Assert.That(run.ExitCode, Is.Not.EqualTo(0), "the failed quality gate fails the pipeline");
        Assert.That(Count(run.Output, "Compiling the build project"), Is.EqualTo(1), "build.sh compiles the build in build-definition only");
        Assert.That(run.Output, Does.Contain($"Integrate: the deployment to '{environment}' recorded").And.Contain("which is not an HTTP URL to test")
            .And.Contain("Declare the environment's Url in the build's Environments."), "the quality gate fails for want of the environment's URL, nothing else");
        if (environment == "pre-prod")
            Assert.That(run.Output, Does.Contain("LoadTest: the deployment to 'pre-prod' recorded").And.Contain("which is not an HTTP URL"),
                "the load test fails for want of the environment's URL, nothing else");

        // The pipeline's own tests ran and left results.
        Assert.That(Files("test-1-of-2", "artifacts/test-results", "*.trx"), Is.EqualTo(new[] { "Release.Helm.Tests.trx" }));
        Assert.That(Files("test-2-of-2", "artifacts/test-results", "*.trx"), Is.EqualTo(new[] { "Release.SemVer.Tests.trx" }));
        Assert.That(Regex.IsMatch(run.Output, @"^unit-test\b.*Line coverage: \d+(?:\.\d+)?%", RegexOptions.Multiline), Is.True, "unit-test ran and measured coverage");

        // The deploy job pushed this pipeline's image and committed the release to the environment's GitOps repository,
        // the image pinned by digest.
        var image = JsonValue(Path.Combine(_repository.ArtifactsOf($"deploy-{environment}"), "artifacts/modules/director/push/push.json"), "digest");
        Assert.That(image, Does.StartWith("sha256:"));
        Assert.That(await Git(_repository.Gitops.Path, "log", "-1", "--format=%B", "main"), Does.StartWith($"deploy({environment}): director "));
        Assert.That(await Git(_repository.Gitops.Path, "show", $"main:environments/{environment}/director/values-configmap.yaml"), Does.Contain($"digest: {image}"));
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
        Assert.That(run.Output, Does.Contain("Release.SemVer.Tests: 1 test(s) failed"));
        Assert.That(File.ReadAllText(Path.Combine(_repository.ArtifactsOf("test-2-of-2"), "artifacts/test-results/Release.SemVer.Tests.trx")),
            Does.Contain("outcome=\"Failed\""), "the failing project still leaves its results");
    }

    // A run on main (a protected branch) gets the team's variables and the protected SIGNING_KEY, as on GitLab.
    private async Task<CiLocalRun> RunAsync(string[] arguments, bool protectedBranch = true)
    {
        using var timeout = new CancellationTokenSource(PipelineTimeout);
        var run = await GitLabCiLocal.RunAsync(_repository.Checkout.Path, protectedBranch ? _repository.ProtectedVariables : _repository.Variables, arguments, timeout.Token);
        await TestContext.Out.WriteLineAsync(run.Output);
        return run;
    }

    // A job's exported artifacts, or with workspace its working copy as the job left it (gitlab-ci-local's builds/JOB).
    private string[] Files(string job, string folder, string pattern, bool workspace = false)
    {
        var directory = Path.Combine(workspace ? Path.Combine(_repository.Checkout.Path, ".gitlab-ci-local", "builds", job) : _repository.ArtifactsOf(job), folder);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : [];
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    // What a release manager downloads from the pipeline page: every job's artifacts, into the checkout.
    private void CopyPipelineArtifactsToTheDesk()
    {
        foreach (var job in Directory.GetDirectories(Path.Combine(_repository.Checkout.Path, ".gitlab-ci-local", "artifacts")))
            if (Directory.Exists(Path.Combine(job, "artifacts")))
                TestFolders.Copy(Path.Combine(job, "artifacts"), Path.Combine(_repository.Checkout.Path, "artifacts"));
    }

    private static string JsonValue(string file, string property) =>
        JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty(property).GetString()!;

    private static Task<string> Git(string repository, params string[] arguments) => Release.Testing.Git.GitCli.RunAsync(repository, arguments);
}
