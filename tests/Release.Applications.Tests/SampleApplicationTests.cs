using System.Net;
using Release.Engine;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Applications.Tests;

/// <summary>
/// The sample application under samples/: director, ledger (built from a Dockerfile) and gateway, which calls both.
/// Real: the modules are published with the .NET SDK, started as processes on loopback ports in the graph's order,
/// and the gateway's integration tests run against them with <c>dotnet test</c>.
/// </summary>
[NonParallelizable]
public class SampleApplicationTests
{
    /// <summary>The declaration the build definition is to use once the stages run per module.</summary>
    public static Application Declared => Application.Named("director")
        .Module("director", m => m.Folder("samples/director").DotNetProject("src/Director/Director.csproj")
            .Health("/health").IntegrationTests("tests/Director.IntegrationTests/Director.IntegrationTests.csproj"))
        .Module("ledger", m => m.Folder("samples/ledger").Dockerfile(publish: "src/Ledger/Ledger.csproj").Health("/health"))
        .Module("gateway", m => m.Folder("samples/gateway").DotNetProject("src/Gateway/Gateway.csproj")
            .Health("/health").IntegrationTests("tests/Gateway.IntegrationTests/Gateway.IntegrationTests.csproj")
            .DependsOn("director", "ledger"));

    private static readonly Dictionary<string, string> Programs = new()
    {
        ["director"] = "src/Director/Director.csproj", ["ledger"] = "src/Ledger/Ledger.csproj", ["gateway"] = "src/Gateway/Gateway.csproj",
    };

    private TempDirectory _work = null!;
    private CheckedApplication _app = null!;
    private readonly ProcessRunner _runner = new();

    /// <summary>Copies the samples and publishes each module the way its image gets it (the ledger into its Dockerfile's publish/).</summary>
    [OneTimeSetUp]
    public async Task PublishModules()
    {
        _app = Declared.Check(new AbsolutePath(RepositoryRoot.Path));
        _work = new TempDirectory("release-sample-application");
        foreach (var module in _app.Modules)
        {
            var folder = _work.Combine(module.Name);
            TestFolders.CopyWithoutOutputs(_app.FolderOf(module.Name), folder);
            await _runner.RunAsync(new ProcessSpec("dotnet", ["publish", Programs[module.Name], "-c", "Release", "-o", "publish", "--nologo", "-v", "q"])
            {
                WorkingDirectory = folder, Timeout = TimeSpan.FromMinutes(5),
            });
        }
    }

    [OneTimeTearDown]
    public void DeleteWork() => _work?.Dispose();

    private string Program(string module) => _work.Combine(module, "publish", Path.GetFileNameWithoutExtension(Programs[module]) + ".dll");

    private RunningSample Start(string module, IReadOnlyDictionary<string, RunningSample> running, Uri? url = null) =>
        RunningSample.Start(module, Program(module), module == "gateway"
            ? new Dictionary<string, string> { ["DIRECTOR_URL"] = running["director"].Url.ToString(), ["LEDGER_URL"] = running["ledger"].Url.ToString() }
            : new Dictionary<string, string>(), url);

    [Test]
    public void The_declaration_is_sound_and_orders_the_gateway_after_what_it_calls()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_app.Graph.Order, Is.EqualTo(new[] { "director", "ledger", "gateway" }));
            Assert.That(_app.Graph.Layers, Is.EqualTo(new[] { new[] { "director", "ledger" }, new[] { "gateway" } }));
            Assert.That(_app["ledger"].Build, Is.EqualTo(new DockerfileBuild("Dockerfile", ".", "src/Ledger/Ledger.csproj")));
            Assert.That(_app.Graph.Affected(["ledger"]), Is.EqualTo(new[] { "ledger", "gateway" }));
        });
    }

    [Test, CancelAfter(600_000)]
    public async Task Deployed_in_dependency_order_the_cross_module_integration_tests_pass(CancellationToken cancellationToken)
    {
        var running = new Dictionary<string, RunningSample>();
        try
        {
            // Layer by layer, as the deploy stage will: a layer starts once every module of the layers before is healthy.
            foreach (var layer in _app.Graph.Layers)
            {
                foreach (var module in layer) running[module] = Start(module, running);
                foreach (var module in layer) await running[module].HealthyAsync(cancellationToken);
            }

            var tests = await _runner.RunAsync(new ProcessSpec("dotnet", ["test", "tests/Gateway.IntegrationTests/Gateway.IntegrationTests.csproj", "--nologo"])
            {
                WorkingDirectory = _work.Combine("gateway"), Timeout = TimeSpan.FromMinutes(5), AllowNonZeroExit = true,
                Environment = new Dictionary<string, string?> { ["GATEWAY_URL"] = running["gateway"].Url.ToString(), ["LEDGER_URL"] = running["ledger"].Url.ToString() },
            }, cancellationToken);
            Assert.That(tests.ExitCode, Is.EqualTo(0), tests.OutputText + tests.ErrorText);
            Assert.That(tests.OutputText, Does.Match(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+4,"), "every cross-module test ran and passed");
        }
        finally
        {
            foreach (var sample in running.Values) await sample.DisposeAsync();
        }
    }

    [Test, CancelAfter(300_000)]
    public async Task Deployed_before_the_ledger_the_gateway_fails_its_health_check_naming_the_ledger(CancellationToken cancellationToken)
    {
        var running = new Dictionary<string, RunningSample>();
        try
        {
            running["director"] = Start("director", running);
            await running["director"].HealthyAsync(cancellationToken);
            // The wrong order: the gateway is told where the ledger will be, and starts before it.
            var ledgerUrl = new Uri($"http://127.0.0.1:{Release.Testing.Network.FreePort.Next()}/");
            running["gateway"] = RunningSample.Start("gateway", Program("gateway"),
                new Dictionary<string, string> { ["DIRECTOR_URL"] = running["director"].Url.ToString(), ["LEDGER_URL"] = ledgerUrl.ToString() });

            var (status, body) = await running["gateway"].FirstHealthAnswerAsync(cancellationToken);
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            Assert.That(body, Does.Contain("\"ledger\":\"unreachable at " + ledgerUrl).And.Contain("\"director\":\"healthy\""));

            // Its dependency deployed, the same gateway is healthy: the order was the only fault.
            running["ledger"] = Start("ledger", running, ledgerUrl);
            await running["ledger"].HealthyAsync(cancellationToken);
            await running["gateway"].HealthyAsync(cancellationToken);
        }
        finally
        {
            foreach (var sample in running.Values) await sample.DisposeAsync();
        }
    }
}
