using System.Net;
using System.Security.Cryptography;
using System.Text;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Rollout;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Oci;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Testing;
using Release.Testing.Git;
using Release.Testing.Network;
using Release.Tooling.Processes;

namespace Release.Delivery.Tests.ApplicationDelivery;

/// <summary>
/// DeployApplication and IntegrateApplication run as <c>./build.sh</c> would (in-process build host), over module records
/// written where Push, Build and Chart write them (<see cref="PipelinePaths"/>): the real local deployer runs the three
/// published sample modules as processes; GitOps commits into a real bare repository.
/// </summary>
[NonParallelizable]
public partial class DeployApplicationTests
{
    private const string Registry = "registry.example:5000";
    private static readonly string[] Modules = ["director", "ledger", "gateway"];
    private static readonly string[] LocalRun = ["--local-runtime", "process", "--keep-running", "--deployed-by", "tester"];

    private PublishedSamples _samples = null!;
    private TempDirectory _root = null!;

    [OneTimeSetUp]
    public async Task PublishModules() => _samples = await DeliverySetUp.Samples.EnsurePublishedAsync();

    /// <summary>A build root holding the three modules' sources under samples/ (the declaration is checked against them).</summary>
    [SetUp]
    public void NewRoot()
    {
        _root = new TempDirectory("release-deploy-application");
        Directory.CreateDirectory(_root.Combine(".nuke"));
        foreach (var module in Modules) TestFolders.Copy(_samples.Source(module), _root.Combine("samples", module));
    }

    /// <summary>Stops the instances the runs left running (--keep-running), as Undeploy would.</summary>
    [TearDown]
    public async Task StopEverything()
    {
        foreach (var module in Modules)
            await LocalDeployments.StopRememberedAsync(new AbsolutePath(_root.Combine(".nuke", "temp", "deploy")), $"{module}-local", new ProcessRunner(),
                TestContext.Progress.WriteLine, CancellationToken.None);
        _root.Dispose();
    }

    private PipelinePaths PathsOf(string module) => new(new AbsolutePath(_root.Path), module);

    private static string Digest(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string ImageDigest(string module, string version) => Digest($"image {module} {version}");

    /// <summary>Build's, Push's and Chart's records of one module, as those stages write them.</summary>
    private async Task WriteRecordsAsync(string module, string version, string? publishDirectory = null)
    {
        var paths = PathsOf(module);
        var tag = version + "_gabc1234";
        var image = ImageDigest(module, version);
        await StageRecord.WriteAsync(paths.ImageRecord, new ImageRecord(Registry, $"apps/{module}", tag, image, "base/aspnet:10.0",
            new Dictionary<string, string>(), publishDirectory ?? _samples.Published(version, module)), CancellationToken.None);
        await StageRecord.WriteAsync(paths.PushRecord, new PushRecord(Registry, $"apps/{module}", tag, image), CancellationToken.None);
        await StageRecord.WriteAsync(paths.ChartRecord, new ChartRecord(module, version + "+gabc1234", version, $"artifacts/chart/{module}-{version}.tgz",
            Digest($"package {module} {version}"), new OciReference(Registry, $"charts/{module}", tag, Digest($"chart {module} {version}")),
            $"{module}-{version.Replace('.', '-')}-abc1234", new OciReference(Registry, $"apps/{module}", digest: image)), CancellationToken.None);
    }

    private async Task WriteReleaseAsync(string version)
    {
        foreach (var module in Modules) await WriteRecordsAsync(module, version);
    }

    private Task<RolloutReport?> RolloutAsync(string environment) =>
        new RolloutRecords(new ApplicationPaths(new AbsolutePath(_root.Path)).DeployDirectory).ReportAsync(environment, CancellationToken.None);

    private async Task<ModuleDeployment> RunningAsync(string module) =>
        (await new RolloutRecords(new ApplicationPaths(new AbsolutePath(_root.Path)).DeployDirectory).CurrentAsync("local", module, CancellationToken.None))!;

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(url.TrimEnd('/') + "/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Test, CancelAfter(300_000)]
    public async Task DeployApplication_over_the_modules_records_deploys_them_in_dependency_order_and_records_each_deployment()
    {
        await WriteReleaseAsync("1.0.0");

        var run = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path, ["DeployApplication", .. LocalRun]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var report = (await RolloutAsync("local"))!;
        var steps = Modules.ToDictionary(m => m, m => report.Of(m).Single());
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True);
            Assert.That(steps.Values.Select(s => s.Outcome), Is.All.EqualTo(ModuleRolloutOutcome.Deployed));
            Assert.That(report.Steps[^1].Module, Is.EqualTo("gateway"));
            Assert.That(steps["gateway"].StartedAt, Is.GreaterThanOrEqualTo(steps["director"].FinishedAt!.Value).And.GreaterThanOrEqualTo(steps["ledger"].FinishedAt!.Value),
                "the gateway starts once both modules it calls answer");
        });
        foreach (var module in Modules)
        {
            var record = await StageRecord.ReadAsync<DeploymentRecord>(PathsOf(module).DeploymentRecord("local"), "DeployApplication", CancellationToken.None);
            Assert.That((record.Environment, record.Deployer, record.Version, record.ImageDigest, record.Url),
                Is.EqualTo(("local", "local", "1.0.0", ImageDigest(module, "1.0.0"), steps[module].Url)), module);
        }
        var gateway = await HealthAsync(steps["gateway"].Url!);
        Assert.That(gateway.Status, Is.EqualTo(HttpStatusCode.OK), gateway.Body);
        Assert.That(gateway.Body, Does.Contain("\"director\":\"healthy\"").And.Contain("\"ledger\":\"healthy\""), "told where the modules it calls answer");
    }

    [Test, CancelAfter(300_000)]
    public async Task A_module_failing_its_health_check_stops_the_rollout_and_the_module_replaced_before_it_goes_back()
    {
        await WriteReleaseAsync("1.0.0");
        var first = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path, ["DeployApplication", .. LocalRun]);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var director1 = await RunningAsync("director");
        // Release 2: the director is fine; the ledger's configuration makes it listen elsewhere, so its health never answers.
        var brokenLedger = _root.Combine("ledger-2.0.0");
        TestFolders.Copy(_samples.Published("1.0.0", "ledger"), brokenLedger);
        File.WriteAllText(Path.Combine(brokenLedger, "appsettings.json"),
            "{\"Kestrel\":{\"Endpoints\":{\"Http\":{\"Url\":\"http://127.0.0.1:" + FreePort.Next() + "\"}}}}");
        await WriteRecordsAsync("director", "2.0.0");
        await WriteRecordsAsync("ledger", "2.0.0", brokenLedger);

        var second = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path, ["DeployApplication", .. LocalRun, "--health-timeout", "8"]);

        Assert.That(second.ExitCode, Is.EqualTo(1), second.ToString());
        Assert.That(second.Output, Does.Contain("Rollout to 'local' stopped at ledger; put back to what ran before: director 1.0.0"));
        Assert.That(second.Output, Does.Contain("ledger: Deploy: the new instance of ledger 2.0.0").And.Contain("did not become healthy"), "the module and the reason");
        var report = (await RolloutAsync("local"))!;
        Assert.That(report.Succeeded, Is.False);
        Assert.That(report.Of("director").Select(s => (s.Outcome, s.Version)), Is.EqualTo(new[]
        {
            (ModuleRolloutOutcome.Deployed, "2.0.0"), (ModuleRolloutOutcome.Restored, "1.0.0"),
        }));
        Assert.That(report.Of("ledger")[0].Outcome, Is.EqualTo(ModuleRolloutOutcome.Failed));
        Assert.That(report.Of("gateway").Select(s => s.Outcome), Has.None.EqualTo(ModuleRolloutOutcome.Deployed), "no later wave started");
        // What runs is release 1 of every module, wired together: the gateway answers healthy.
        foreach (var module in Modules)
        {
            var running = await RunningAsync(module);
            Assert.That(running.Release.Version, Is.EqualTo("1.0.0"), module);
            var record = await StageRecord.ReadAsync<DeploymentRecord>(PathsOf(module).DeploymentRecord("local"), "DeployApplication", CancellationToken.None);
            Assert.That((record.Version, record.Url), Is.EqualTo(("1.0.0", running.Url)), $"{module}'s deployment record says what runs after the restore");
        }
        Assert.That((await RunningAsync("director")).Url, Is.Not.EqualTo(director1.Url), "release 1 of the director was deployed again");
        var gateway = await HealthAsync((await RunningAsync("gateway")).Url);
        Assert.That(gateway.Status, Is.EqualTo(HttpStatusCode.OK), gateway.Body);
    }

    [Test, CancelAfter(300_000)]
    public async Task On_a_GitOps_environment_one_commit_holds_every_modules_HelmRelease_with_dependsOn_following_the_module_graph()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        await WriteReleaseAsync("1.0.0");

        var run = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path,
            "DeployApplication", "--environment", "dev", "--gitops-repository", remote.Path, "--deployed-by", "alice");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var clone = await remote.CloneAsync();
        Assert.That(await clone.GitAsync(["rev-list", "--count", "HEAD"]), Is.EqualTo("2"), "one commit for the whole application");
        var changed = (await clone.GitAsync(["show", "--name-only", "--format=", "HEAD"])).Split('\n');
        Assert.That(Modules.Select(m => $"environments/dev/{m}/helmrelease.yaml"), Is.SubsetOf(changed));
        string Release(string module) => File.ReadAllText(Path.Combine(clone.Path, "environments", "dev", module, "helmrelease.yaml"));
        Assert.That(Release("gateway"), Does.Contain("  dependsOn:\n    - name: director\n    - name: ledger\n"));
        Assert.That(Release("director"), Does.Not.Contain("dependsOn"));
        Assert.That(Release("ledger"), Does.Not.Contain("dependsOn"));
        foreach (var module in Modules)
        {
            Assert.That(File.ReadAllText(Path.Combine(clone.Path, "environments", "dev", module, "ocirepository.yaml")), Does.Contain(Digest($"chart {module} 1.0.0")));
            Assert.That(File.ReadAllText(Path.Combine(clone.Path, "environments", "dev", module, "values-configmap.yaml")), Does.Contain(ImageDigest(module, "1.0.0")));
            var record = await StageRecord.ReadAsync<DeploymentRecord>(PathsOf(module).DeploymentRecord("dev"), "DeployApplication", CancellationToken.None);
            Assert.That((record.Deployer, record.Url, record.Version), Is.EqualTo(("gitops", "https://shop.dev.example", "1.0.0")), module);
        }
        var message = await clone.GitAsync(["log", "-1", "--format=%an%n%B"]);
        Assert.That(message, Does.StartWith("alice\ndeploy(dev): shop director 1.0.0, ledger 1.0.0, gateway 1.0.0").And.Contain("Module: gateway"));
    }

    [Test, CancelAfter(600_000)]
    public async Task The_application_integration_runs_the_crossing_requests_once_and_a_second_run_with_nothing_changed_skips_deploy_and_integration()
    {
        await WriteReleaseAsync("1.0.0");

        var first = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path, ["IntegrateApplication", .. LocalRun]);

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var integration = new ApplicationPaths(new AbsolutePath(_root.Path)).IntegrationDirectory;
        var junit = File.ReadAllText(integration / "junit.xml");
        Assert.That(junit, Does.Contain("A_deployment_in_an_open_window_is_allowed_by_the_director_and_recorded_in_the_ledger"), "the request crossing the modules ran");
        Assert.That(File.Exists(integration / "report.html"), Is.True);
        var summary = File.ReadAllText(integration / "summary.json");
        Assert.That(summary, Does.Contain("\"passed\": 4").And.Contain("\"failed\": 0").IgnoreCase);
        var gateway = (await RunningAsync("gateway")).Url;

        var second = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path, ["IntegrateApplication", .. LocalRun]);

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Output, Does.Contain("DeployApplication skipped: nothing changed. director 1.0.0 (sha256:").And.Contain(
            "run in 'local' as deployed at").And.Contain("and passed the application's integration tests (4 passed) with the same tests at"));
        // The engine finds the integration up to date (the deployment's records and the tests unchanged since it passed), or the
        // target's own check does (the same deployments passed with the same tests): either way nothing is tested again.
        Assert.That(second.Output, Does.Match(@"IntegrateApplication\s+\|\s+UpToDate").Or.Contain("IntegrateApplication skipped: nothing changed."));
        Assert.That(second.Output, Does.Not.Contain("Rollout: deploying").And.Not.Contain("Testing shop"), "nothing deployed, nothing tested");
        Assert.That((await RunningAsync("gateway")).Url, Is.EqualTo(gateway), "the same instances still run");

        // A changed test is a reason to test again (the deploy still has nothing to do).
        File.AppendAllText(_root.Combine("samples", "gateway", "tests", "Gateway.IntegrationTests", "RunningModules.cs"), "\n// changed\n");
        var third = await BuildRunner.RunAsync<ApplicationBuild>(_root.Path, ["IntegrateApplication", .. LocalRun]);
        Assert.That(third.ExitCode, Is.Zero, third.ToString());
        Assert.That(third.Output, Does.Contain("the integration tests changed since their last run").And.Contain("Testing shop"));
    }
}
