using System.Net;
using Release.Delivery.Deploy;
using Release.Delivery.Deploy.Local;
using Release.Delivery.Deploy.Rollout;
using Release.Delivery.Tests.Support;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Applications;
using Release.Testing;
using Release.Testing.Network;
using Release.Tooling.Processes;

namespace Release.Delivery.Tests.Rollout;

/// <summary>
/// The sample application (director, ledger, gateway, which calls both) rolled out with the real local deployer: each
/// module published once per fixture and run as a process on a free loopback port, its health checked over HTTP.
/// </summary>
[NonParallelizable]
public class ApplicationRolloutTests
{
    private static readonly EnvironmentDefinition Local = new("local", Deployers.Local, "default", "*");

    private static readonly ModuleGraph Graph = ModuleGraph.Create([
        new ModuleNode("director", []), new ModuleNode("ledger", []), new ModuleNode("gateway", ["director", "ledger"])]);

    private PublishedSamples _published = null!;
    private TempDirectory _work = null!;
    private LocalDeployments _deployments = null!;
    private RolloutRecords _records = null!;

    /// <summary>The three modules, published once per test run (shared with the DeployApplication tests).</summary>
    [OneTimeSetUp]
    public async Task PublishModules() => _published = await DeliverySetUp.Samples.EnsurePublishedAsync();

    [SetUp]
    public void NewEnvironment()
    {
        _work = new TempDirectory("release-rollout");
        _deployments = new LocalDeployments(keepRunning: false, new AbsolutePath(_work.Combine("state")), new ProcessRunner(), TestContext.Progress.WriteLine);
        _records = new RolloutRecords(new AbsolutePath(_work.Combine("records")));
    }

    [TearDown]
    public async Task StopEverything()
    {
        await _deployments.DisposeAsync(); // stops every instance this test started
        _work.Dispose();
    }

    private ApplicationRollout Rollout(bool followGraph = true, int healthSeconds = 30, int dependencySeconds = 30, ApplicationChecks? checks = null) => new(Graph,
        new LocalDeployer(new LocalDeployerSettings(_deployments, "process", null, new ProgressLog(), new Dictionary<string, string>(),
            TimeSpan.FromSeconds(healthSeconds), KeepRunning: false, new ProcessRunner())),
        _records, new RolloutOptions(TimeSpan.FromSeconds(dependencySeconds), AddressesMove: true) { FollowGraph = followGraph, Checks = checks }, new ProgressLog());

    private ModuleRelease ReleaseOf(string module, string version) =>
        new(module, version, "abc1234", null, _published.Published(version, module), null, "/health");

    private List<ModuleRelease> Releases(string version) => [.. Graph.Order.Select(m => ReleaseOf(m, version))];

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(url.TrimEnd('/') + "/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> RunningProgramAsync(string module) =>
        ((ProcessInstance)(await _deployments.CurrentAsync($"{module}-local", CancellationToken.None))!).Program;

    [Test, CancelAfter(300_000)]
    public async Task Modules_deploy_in_dependency_order_each_after_its_dependencies_answer_and_a_second_rollout_changes_nothing(CancellationToken ct)
    {
        var report = await Rollout().RunAsync(Local, Releases("1.0.0"), "tester", ct);

        var steps = Graph.Order.ToDictionary(m => m, m => report.Of(m).Single());
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True);
            Assert.That(steps.Values.Select(s => s.Outcome), Is.All.EqualTo(ModuleRolloutOutcome.Deployed));
            Assert.That(report.Steps.Select(s => s.Module).Last(), Is.EqualTo("gateway"));
            Assert.That(steps["gateway"].StartedAt, Is.GreaterThanOrEqualTo(steps["director"].FinishedAt!.Value).And.GreaterThanOrEqualTo(steps["ledger"].FinishedAt!.Value),
                "the gateway starts once both modules it calls answer");
            Assert.That(steps["ledger"].StartedAt, Is.LessThan(steps["director"].FinishedAt!.Value), "director and ledger (one wave) deploy at the same time");
        });
        var gateway = await HealthAsync(steps["gateway"].Url!);
        Assert.That(gateway.Status, Is.EqualTo(HttpStatusCode.OK), gateway.Body);
        Assert.That(gateway.Body, Does.Contain("\"director\":\"healthy\"").And.Contain("\"ledger\":\"healthy\""), "told where its dependencies answer");
        Assert.That(File.ReadAllText(_work.Combine("records", "local", "modules", "gateway.json")), Does.Contain("\"Version\": \"1.0.0\""));
        Assert.That(File.ReadAllText(_work.Combine("records", "local", "rollout.json")), Does.Contain("\"Outcome\": \"Deployed\""));

        var again = await Rollout().RunAsync(Local, Releases("1.0.0"), "tester", ct);
        Assert.That(again.Steps.Select(s => (s.Module, s.Outcome)), Is.EquivalentTo(Graph.Order.Select(m => (m, ModuleRolloutOutcome.Unchanged))));
        Assert.That((await HealthAsync(steps["gateway"].Url!)).Status, Is.EqualTo(HttpStatusCode.OK), "the running modules were left alone");
    }

    [Test, CancelAfter(300_000)]
    public async Task Deployed_before_what_it_calls_without_the_graphs_waits_the_gateway_fails_and_the_rollout_stops_there(CancellationToken ct)
    {
        var releases = new List<ModuleRelease> { ReleaseOf("gateway", "1.0.0"), ReleaseOf("ledger", "1.0.0"), ReleaseOf("director", "1.0.0") };

        var failure = Assert.ThrowsAsync<RolloutFailedException>(() => Rollout(followGraph: false, healthSeconds: 10).RunAsync(Local, releases, "tester", ct))!;

        Assert.That(failure.Message, Does.StartWith("Rollout to 'local' stopped at gateway; no module had been replaced in this run, so nothing was put back.\ngateway: "));
        Assert.That(failure.Message, Does.Contain("did not become healthy").And.Contain("DIRECTOR_URL must be the absolute http(s) address"),
            "the gateway's own output says what it could not find");
        Assert.That(failure.Report.Steps.Select(s => (s.Module, s.Outcome)), Is.EqualTo(new[]
        {
            ("gateway", ModuleRolloutOutcome.Failed), ("director", ModuleRolloutOutcome.NotStarted), ("ledger", ModuleRolloutOutcome.NotStarted),
        }));
        Assert.That(Directory.Exists(_work.Combine("records", "local", "modules")), Is.False, "nothing was deployed");
    }

    [Test, CancelAfter(300_000)]
    public async Task A_module_failing_its_health_check_puts_back_the_modules_replaced_before_it(CancellationToken ct)
    {
        var first = await Rollout().RunAsync(Local, Releases("1.0.0"), "tester", ct);
        Assert.That(first.Succeeded, Is.True);
        // Release 2 of the gateway is configured with a wrong ledger address: healthy director and ledger, unhealthy gateway.
        var wrongLedger = $"http://127.0.0.1:{FreePort.Next()}/";
        var second = Releases("2.0.0");
        second[second.FindIndex(r => r.Module == "gateway")] = ReleaseOf("gateway", "2.0.0") with
        {
            Settings = new Dictionary<string, string> { ["LEDGER_URL"] = wrongLedger },
        };

        var failure = Assert.ThrowsAsync<RolloutFailedException>(() => Rollout(healthSeconds: 8).RunAsync(Local, second, "tester", ct))!;

        Assert.That(failure.Message, Does.StartWith(
            "Rollout to 'local' stopped at gateway; put back to what ran before: director 1.0.0, ledger 1.0.0, gateway 1.0.0.\ngateway: "));
        Assert.That(failure.Message, Does.Contain("(last: HTTP 503 ").And.Contain("\"ledger\":\"unreachable at " + wrongLedger), "the module and the reason");
        var report = failure.Report;
        Assert.That(report.Steps.Select(s => (s.Module, s.Outcome)).Skip(2), Is.EqualTo(new[]
        {
            ("gateway", ModuleRolloutOutcome.Failed), ("director", ModuleRolloutOutcome.Restored),
            ("ledger", ModuleRolloutOutcome.Restored), ("gateway", ModuleRolloutOutcome.Restored),
        }));
        Assert.That(report.Steps.Take(2).Select(s => (s.Outcome, s.Version)), Is.All.EqualTo((ModuleRolloutOutcome.Deployed, "2.0.0")));

        // What runs now: release 1 of every module (its program from v1), answering where its record says, wired together.
        foreach (var module in Graph.Order)
        {
            var record = await _records.CurrentAsync("local", module, ct);
            Assert.That(record!.Release.Version, Is.EqualTo("1.0.0"), module);
            Assert.That(await RunningProgramAsync(module), Does.StartWith(_published.Published("1.0.0", module) + "/"), module);
            var (status, body) = await HealthAsync(record.Url);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"{module}: {body}");
        }
        var gateway = await HealthAsync((await _records.CurrentAsync("local", "gateway", ct))!.Url);
        Assert.That(gateway.Body, Does.Contain("\"director\":\"healthy\"").And.Contain("\"ledger\":\"healthy\""));
        // Release 2's instances are gone.
        foreach (var replaced in report.Steps.Where(s => s.Outcome == ModuleRolloutOutcome.Deployed))
            Assert.ThrowsAsync<HttpRequestException>(() => HealthAsync(replaced.Url!), replaced.Module);
    }

    [Test, CancelAfter(300_000)]
    public async Task A_module_whose_running_dependency_does_not_answer_is_not_started(CancellationToken ct)
    {
        // The records say the ledger runs release 1 at an address where nothing answers any more (it crashed).
        var deadLedger = $"http://127.0.0.1:{FreePort.Next()}";
        await _records.WriteCurrentAsync("local", new ModuleDeployment(ReleaseOf("ledger", "1.0.0"), deadLedger, DateTimeOffset.UtcNow), ct);

        var failure = Assert.ThrowsAsync<RolloutFailedException>(() => Rollout(dependencySeconds: 2).RunAsync(Local, Releases("1.0.0"), "tester", ct))!;

        Assert.That(failure.Message, Does.StartWith("Rollout to 'local' stopped at gateway; left at the new release (nothing ran before): director 1.0.0.\n"));
        Assert.That(failure.Message, Does.Contain("gateway: not started: its dependency ledger is not healthy (ledger: /health did not answer (").And.Contain(") for 2 s)"));
        Assert.That(failure.Report.Steps.Select(s => (s.Module, s.Outcome)), Is.EqualTo(new[]
        {
            ("ledger", ModuleRolloutOutcome.Unchanged), ("director", ModuleRolloutOutcome.Deployed),
            ("gateway", ModuleRolloutOutcome.Failed), ("director", ModuleRolloutOutcome.NothingToRestore),
        }));
        Assert.That(failure.Report.Of("gateway")[0].StartedAt, Is.Null, "no gateway instance was started");
        Assert.That(await _deployments.CurrentAsync("gateway-local", ct), Is.Null);
    }

    [Test, CancelAfter(300_000)]
    public async Task Cancelled_while_a_module_waits_for_its_dependencies_the_rollout_ends_at_once(CancellationToken ct)
    {
        var deadLedger = $"http://127.0.0.1:{FreePort.Next()}";
        await _records.WriteCurrentAsync("local", new ModuleDeployment(ReleaseOf("ledger", "1.0.0"), deadLedger, DateTimeOffset.UtcNow), ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var rollout = Rollout(dependencySeconds: 120).RunAsync(Local, Releases("1.0.0"), "tester", cancel.Token);
        // The director deploys (wave 1); the gateway then waits for the ledger that does not answer, for up to 120 s.
        while (await _deployments.CurrentAsync("director-local", ct) is null) await Task.Delay(100, ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();

        Assert.That(async () => await rollout, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "cancelled, not waited out");
        Assert.That(await _deployments.CurrentAsync("gateway-local", ct), Is.Null, "the gateway was never started");
    }

    /// <summary>The application's journey: a deployment asked of the gateway, decided by the director and recorded by the ledger.</summary>
    private static readonly ApplicationChecks GatewayJourney = new("gateway", new SanityChecks([],
    [
        new Journey("ask-and-record", [new JourneyStep("POST", "/environments/development/deployments")
        {
            Body = """{"module":"director","version":"9.9.9"}""", ExpectedStatus = 201, BodyContains = "\"allowed\":true",
        }]),
    ]));

    [Test, CancelAfter(300_000)]
    public async Task A_set_whose_health_answers_but_whose_journey_fails_is_restored_and_the_previous_set_passes_the_journey_again(CancellationToken ct)
    {
        var first = await Rollout(checks: GatewayJourney).RunAsync(Local, Releases("1.0.0"), "tester", ct);
        Assert.That(first.Succeeded, Is.True, first.Failure);
        Assert.That(first.ApplicationChecks.Select(c => (c.Name, c.Passed)), Is.EqualTo(new[] { ("health", true), ("ask-and-record", true) }),
            string.Join("; ", first.ApplicationChecks.Select(c => c.Detail)));
        // Release 2 of the gateway asks a "director" that answers its health but knows no deployment decision: every
        // module's health passes, the journey across the modules does not.
        await using var impostor = LoopbackHttpServer.Start(async context =>
        {
            var health = context.Request.Url!.AbsolutePath == "/health";
            context.Response.StatusCode = health ? 200 : 404;
            context.Response.ContentType = "application/json";
            var body = System.Text.Encoding.UTF8.GetBytes(health ? """{"status":"healthy"}""" : """{"detail":"no such endpoint"}""");
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });
        var second = Releases("2.0.0");
        second[second.FindIndex(r => r.Module == "gateway")] = ReleaseOf("gateway", "2.0.0") with
        {
            Settings = new Dictionary<string, string> { ["DIRECTOR_URL"] = impostor.BaseUrl.ToString() },
        };

        var failure = Assert.ThrowsAsync<RolloutFailedException>(() => Rollout(checks: GatewayJourney).RunAsync(Local, second, "tester", ct))!;

        Assert.That(failure.Message, Does.StartWith(
            "Rollout to 'local' stopped at the application's checks; put back to what ran before: director 1.0.0, ledger 1.0.0, gateway 1.0.0.\n" +
            "the application's checks: failed through gateway ("));
        Assert.That(failure.Message, Does.Contain("ask-and-record: "), "the failing journey is named with what it measured");
        Assert.That(failure.Report.ApplicationChecks.Select(c => (c.Name, c.Passed)), Is.EqualTo(new[] { ("health", true), ("ask-and-record", false) }),
            "the health answered; the journey failed");
        Assert.That(failure.Report.Steps.Select(s => (s.Module, s.Outcome)).Skip(3), Is.EqualTo(new[]
        {
            ("director", ModuleRolloutOutcome.Restored), ("ledger", ModuleRolloutOutcome.Restored), ("gateway", ModuleRolloutOutcome.Restored),
        }));
        Assert.That(File.ReadAllText(_work.Combine("records", "local", "rollout.json")), Does.Contain("ask-and-record"), "the measurements are in the rollout record");

        // What runs now is release 1, wired together again: the journey passes through it.
        foreach (var module in Graph.Order)
            Assert.That((await _records.CurrentAsync("local", module, ct))!.Release.Version, Is.EqualTo("1.0.0"), module);
        var gateway = (await _records.CurrentAsync("local", "gateway", ct))!;
        var again = await GatewayJourney.RunAsync(gateway.Url, "/health", ct);
        Assert.That(again.All(c => c.Passed), Is.True, string.Join("; ", again.Select(c => $"{c.Name}: {c.Detail}")));
    }

    [Test, CancelAfter(300_000)]
    public void Application_checks_sent_to_a_module_the_application_does_not_have_are_refused_with_the_modules_named()
    {
        var checks = GatewayJourney with { EntryModule = "frontend" };
        var error = Assert.ThrowsAsync<BuildDefinitionException>(() => Rollout(checks: checks).RunAsync(Local, [], "tester", CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("'frontend', which is not a module of the application (").And.Contain("gateway"));
    }

    private sealed class ProgressLog : IBuildLog
    {
        public void Information(string message) => TestContext.Progress.WriteLine(message);

        public void Warning(string message) => TestContext.Progress.WriteLine("warning: " + message);

        public void Error(string message) => TestContext.Progress.WriteLine("error: " + message);
    }
}
