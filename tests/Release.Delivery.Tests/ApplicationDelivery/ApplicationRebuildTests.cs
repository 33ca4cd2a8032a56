using System.Text.Json;
using Release.Applications;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Deploy;
using Release.Delivery.Tests.Support;
using Release.Engine;
using Release.Environments;
using Release.Environments.Component;
using Release.Environments.Rendering;
using Release.Operations.Environments;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Testing.Git;

namespace Release.Delivery.Tests.ApplicationDelivery;

/// <summary>
/// <c>./build.sh Rebuild --environment local</c> of the three-module application, over what DeployApplication left: the
/// real local deployer, a real git environment repository declaring the pins of the local environment's group.
/// </summary>
public partial class DeployApplicationTests
{
    [Test, CancelAfter(600_000)]
    public async Task Rebuild_recreates_every_module_of_the_application_from_git_and_its_records_tests_it_and_leaves_evidence()
    {
        await WriteReleaseAsync("1.0.0");
        var deploy = await BuildRunner.RunAsync<ApplicationRebuildBuild>(_root.Path, ["DeployApplication", .. LocalRun]);
        Assert.That(deploy.ExitCode, Is.Zero, deploy.ToString());
        var before = new Dictionary<string, string>();
        foreach (var module in Modules) before[module] = (await RunningAsync(module)).Url;

        // The environment repository pins director and ledger for 'dev', the GitOps member of local's group; the gateway has no pin there.
        using var environments = await TempGitRepository.CreateAsync();
        foreach (var module in new[] { "director", "ledger" })
            environments.WriteFile($"environments/dev/{module}/values-configmap.yaml",
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {module}-values\ndata:\n  values.yaml: |\n    image:\n" +
                $"      repository: {Registry}/apps/{module}\n      digest: {ImageDigest(module, "1.0.0")}\n");
        var pins = await environments.CommitAsync("deploy(dev): director, ledger 1.0.0");

        var rebuild = await BuildRunner.RunAsync<ApplicationRebuildBuild>(_root.Path,
            ["Rebuild", "--environment", "local", .. LocalRun, "--environments-repository", environments.Path]);

        Assert.That(rebuild.ExitCode, Is.Zero, rebuild.ToString());
        Assert.That(rebuild.Output, Does.Contain("Rebuild: tore down director in 'local'").And.Contain("Rebuild: tore down ledger in 'local'")
            .And.Contain("Rebuild: tore down gateway in 'local'"));
        var evidence = JsonDocument.Parse(File.ReadAllText(_root.Combine("artifacts", "rebuild", "local", "rebuild.json"))).RootElement;
        Assert.That(evidence.GetProperty("declaredBy").GetString(), Does.Contain($"at {pins[..12]} (environments/dev: director, ledger)")
            .And.Contain("the other modules' last rollout"));
        var rebuilt = evidence.GetProperty("modules").EnumerateArray().ToArray();
        Assert.That(rebuilt.Select(m => m.GetProperty("module").GetString()), Is.EqualTo(new[] { "director", "ledger", "gateway" }), "dependency order");
        foreach (var module in rebuilt)
        {
            var name = module.GetProperty("module").GetString()!;
            Assert.That(module.GetProperty("image").GetString(), Does.EndWith("@" + ImageDigest(name, "1.0.0")), name);
            var url = module.GetProperty("url").GetString()!;
            Assert.That(url, Is.Not.EqualTo(before[name]), $"{name}: a new instance");
            Assert.That(url, Is.EqualTo((await RunningAsync(name)).Url), $"{name}: the rollout record says where it answers now");
        }
        var tests = evidence.GetProperty("integrationTests");
        Assert.That((tests.GetProperty("passed").GetInt32(), tests.GetProperty("failed").GetInt32()), Is.EqualTo((4, 0)), "the application's crossing tests ran");
        Assert.That(evidence.GetProperty("driftAfterwards").GetProperty("clean").GetBoolean(), Is.True);
        var gateway = await HealthAsync(rebuilt[2].GetProperty("url").GetString()!);
        Assert.That(gateway.Body, Does.Contain("\"director\":\"healthy\"").And.Contain("\"ledger\":\"healthy\""), "the gateway was told the new addresses");
        Assert.ThrowsAsync<HttpRequestException>(() => HealthAsync(before["director"]), "the torn-down director is gone");
    }

    [Test]
    public async Task Rebuild_of_an_application_with_nothing_declared_is_refused_before_anything_is_torn_down()
    {
        var rebuild = await BuildRunner.RunAsync<ApplicationRebuildBuild>(_root.Path, ["Rebuild", "--environment", "local", .. LocalRun]);

        Assert.That(rebuild.ExitCode, Is.EqualTo(2), rebuild.ToString());
        Assert.That(rebuild.Output, Does.Contain("Rebuild: nothing is declared for director, ledger, gateway in 'local'")
            .And.Contain("./build.sh DeployApplication --environment local").And.Contain("--environments-repository"));
        Assert.That(rebuild.Output, Does.Not.Contain("tore down"));
        Assert.That(Directory.Exists(_root.Combine("artifacts", "rebuild")), Is.False, "nothing half-written");
    }
}

/// <summary>The application build with environments as code and Rebuild: local (group dev) and dev (GitOps).</summary>
internal sealed class ApplicationRebuildBuild : Build, IRebuild, IIntegrateApplication
{
    private CheckedApplication? _application;

    CheckedApplication IDeployApplication.Application => _application ??= ApplicationBuild.Declared.Check(RootDirectory);

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("local", Deployers.Local, "default", "*"),
        new("dev", Deployers.GitOps, "shop-dev", "*"),
    ];

    IReadOnlyList<GatePolicy> IReleaseProcess.Gates => [];

    CheckedEnvironments IEnvironments.DeclaredEnvironments => EnvironmentSet.Create()
        .Environment("local", e => e.Step(1).Group("dev").Deployer("local").Cluster("this-machine").Namespace("default"))
        .Environment("dev", e => e.Step(1).Deployer("gitops").Cluster("shop-test").Namespace("shop-dev"))
        .Check(((IDeployApplication)this).Application, RootDirectory);

    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new("oci://registry.local/charts");
}
