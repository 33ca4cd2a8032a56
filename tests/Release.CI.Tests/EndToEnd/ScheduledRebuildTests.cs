using System.Text.Json;
using Release.Testing.Git;
using Release.Testing.GitLab;

namespace Release.CI.Tests.EndToEnd;

/// <summary>
/// The committed pipeline's scheduled <c>rebuild</c> job (schedule <c>rebuild-daily</c>), run with gitlab-ci-local on a
/// fresh runner: it recreates the development environment (local, in staging's group) from git, the environment
/// repository the team names in the CI/CD variable ENVIRONMENTS_REPOSITORY, whose <c>environments/staging</c> pins each
/// module's image by digest. Here the test commits those pins, as the promotions to staging would, naming the images the
/// main pipeline pushed (integrate-local's push records), in a real git repository.
/// </summary>
public partial class CommittedPipelineTests
{
    private static readonly string[] Schedule =
        ["--variable", "CI_PIPELINE_SOURCE=schedule", "--ignore-predefined-vars", "CI_PIPELINE_SOURCE", "--variable", "RELEASE_SCHEDULE=rebuild-daily"];

    [Test, Order(5)]
    public async Task The_scheduled_rebuild_recreates_the_development_environment_from_the_environment_repository_and_fails_when_nothing_is_declared()
    {
        Assert.That(_main?.ExitCode, Is.EqualTo(0), "the rebuild recreates what the main pipeline pushed: run the main pipeline's test (Order 1) with it");
        await _repository.Checkout.GitAsync(["checkout", "-q", "main"]);
        Assert.That((await GitLabCiLocal.ListAsync(_repository.Checkout.Path, Schedule)).Keys, Is.EquivalentTo(new[] { "build-definition", "rebuild" }),
            "the schedule runs the rebuild and nothing else");

        // Without the environment repository, a fresh runner has nothing declared: the job fails, saying what is missing.
        using (var timeout = new CancellationTokenSource(PipelineTimeout))
        {
            var bare = await GitLabCiLocal.RunAsync(_repository.Checkout.Path, _repository.ProtectedVariables, Schedule, timeout.Token);
            await TestContext.Out.WriteLineAsync(bare.Output);
            Assert.That(bare.Jobs, Is.EqualTo(new Dictionary<string, string> { ["build-definition"] = "PASS", ["rebuild"] = "FAIL" }), bare.Output);
            Assert.That(bare.Output, Does.Contain("Rebuild: nothing is declared for director, ledger, gateway in 'local'").And.Contain("--environments-repository"));
        }

        // The team's environment repository pins what staging runs: the images the main pipeline pushed, by digest.
        using var environments = await TempGitRepository.CreateAsync();
        var pinned = new Dictionary<string, string>();
        foreach (var module in new[] { "director", "ledger", "gateway" })
        {
            var push = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository.ArtifactsOf("integrate-local"), $"artifacts/modules/{module}/push/push.json"))).RootElement;
            pinned[module] = $"{push.GetProperty("registry").GetString()}/{push.GetProperty("repository").GetString()}@{push.GetProperty("digest").GetString()}";
            var at = pinned[module].IndexOf('@');
            environments.WriteFile($"environments/staging/{module}/values-configmap.yaml",
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {module}-values\n  namespace: director-staging\ndata:\n  values.yaml: |\n    image:\n" +
                $"      repository: {pinned[module][..at]}\n      digest: {pinned[module][(at + 1)..]}\n");
        }
        await environments.CommitAsync("deploy(staging): director, ledger, gateway 0.1.0");

        CiLocalRun run;
        using (var timeout = new CancellationTokenSource(PipelineTimeout))
            run = await GitLabCiLocal.RunAsync(_repository.Checkout.Path,
                new Dictionary<string, string>(_repository.ProtectedVariables) { ["ENVIRONMENTS_REPOSITORY"] = environments.Path }, [.. Schedule, "rebuild"], timeout.Token);
        await TestContext.Out.WriteLineAsync(run.Output);

        Assert.That(run.Jobs, Is.EqualTo(new Dictionary<string, string> { ["rebuild"] = "PASS" }), run.Output);
        var evidence = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository.ArtifactsOf("rebuild"), "artifacts/rebuild/local/rebuild.json"))).RootElement;
        Assert.That(evidence.GetProperty("declaredBy").GetString(), Does.Contain("environments/staging: director, gateway, ledger"));
        var modules = evidence.GetProperty("modules").EnumerateArray().ToArray();
        Assert.That(modules.Select(m => m.GetProperty("module").GetString()), Is.EqualTo(new[] { "director", "ledger", "gateway" }), "every module, dependencies first");
        foreach (var module in modules)
        {
            var name = module.GetProperty("module").GetString()!;
            Assert.That(module.GetProperty("image").GetString(), Is.EqualTo(pinned[name]), $"{name} runs the image git pins");
            Assert.That(module.GetProperty("url").GetString(), Does.StartWith("http://"), $"{name} answered its health check");
        }
        var tests = evidence.GetProperty("integrationTests");
        Assert.That(tests.GetProperty("passed").GetInt32(), Is.GreaterThan(0), "the application's integration tests ran against the rebuilt environment");
        Assert.That(tests.GetProperty("failed").GetInt32(), Is.Zero);
        Assert.That(evidence.GetProperty("driftAfterwards").GetProperty("clean").GetBoolean(), Is.True);
    }
}
