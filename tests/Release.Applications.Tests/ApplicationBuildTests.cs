using Release.Engine;
using Release.Engine.Hosting;
using Release.Testing;

namespace Release.Applications.Tests;

/// <summary>
/// A build definition declares an application and one target family per stage, one member per module; the engine
/// plans and runs the members as ordinary targets, and a wrong declaration stops the build before anything runs.
/// </summary>
public class ApplicationBuildTests
{
    private const string RootVariable = "APPLICATION_TEST_ROOT";

    private class ShopBuild : Build
    {
        private CheckedApplication? _app;

        [Parameter("Declares a wrong dependency, to show the check")] readonly bool Broken;

        private Application Declared => Application.Named("shop")
            .Module("catalog", m => m.Folder("modules/catalog").Dockerfile())
            .Module("pricing", m => m.Folder("modules/pricing").Dockerfile().DependsOn(Broken ? "catalogue" : "catalog"))
            .Module("storefront", m => m.Folder("modules/storefront").Dockerfile().DependsOn("pricing", "catalog"));

        private CheckedApplication App => _app ??= Declared.Check(RootDirectory);

        TargetFamily BuildModule => new(App.ModuleNames, (module, _) => _
            .DependsOn(BuildModule, App.DependenciesOf(module))
            .ChangedBy([.. App.ChangePathsOf(module)])
            .Executes(() => Log.Information($"built {module}")));

        TargetFamily DeployModule => new(App.ModuleNames, (module, _) => _
            .DependsOn(BuildModule, [module])
            .DependsOn(DeployModule, App.DependenciesOf(module))
            .Executes(() => Log.Information($"deployed {module}")));

        Target Deploy => _ => _.DependsOn(DeployModule).Executes(() => { });
    }

    private sealed class Events : IBuildObserver
    {
        public List<string> Started { get; } = [];
        public void TargetStarted(string target) { lock (Started) Started.Add(target); }
        public void TargetFinished(string target, TargetStatus status) { }
    }

    private static async Task<(int ExitCode, string Output, List<string> Started)> Run(TempDirectory root, params string[] args)
    {
        var output = new StringWriter();
        var events = new Events();
        var options = new BuildHostOptions
        {
            RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(output),
            Interactive = false, Observer = events, WriteSchema = false,
        };
        var exitCode = await BuildHost.RunAsync<ShopBuild>(args, null, options, CancellationToken.None);
        return (exitCode, output.ToString(), events.Started);
    }

    private static TempDirectory Repository()
    {
        var root = new TempDirectory("release-shop");
        Directory.CreateDirectory(root.Combine(".nuke"));
        foreach (var module in new[] { "catalog", "pricing", "storefront" }) root.WriteFile($"modules/{module}/Dockerfile", "FROM base\n");
        return root;
    }

    [Test]
    public async Task Modules_are_built_and_deployed_in_dependency_order()
    {
        using var root = Repository();
        var (exitCode, output, started) = await Run(root, "Deploy", "--max-parallel", "1");
        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(started.Where(s => s.StartsWith("DeployModule.")), Is.EqualTo(new[] { "DeployModule.catalog", "DeployModule.pricing", "DeployModule.storefront" }));
        Assert.That(started.IndexOf("BuildModule.pricing"), Is.LessThan(started.IndexOf("DeployModule.pricing")));
        Assert.That(output, Does.Contain("[DeployModule.storefront] deployed storefront"));
    }

    [Test]
    public async Task A_wrong_declaration_exits_2_before_any_target_runs_even_for_plan()
    {
        using var root = Repository();
        foreach (var args in new[] { new[] { "Deploy", "--broken" }, new[] { "Deploy", "--broken", "--plan" } })
        {
            var (exitCode, output, started) = await Run(root, args);
            Assert.That(exitCode, Is.EqualTo(2), output);
            Assert.That(started, Is.Empty);
            Assert.That(output, Does.Contain("ApplicationBuildTests.cs:").And.Contain("module 'pricing' depends on 'catalogue'"));
            Assert.That(output, Does.Not.Contain("Exception"));
        }
    }

    [Test]
    public async Task A_missing_module_folder_exits_2_naming_it()
    {
        using var root = Repository();
        Directory.Delete(root.Combine("modules", "pricing"), recursive: true);
        var (exitCode, output, _) = await Run(root, "Deploy");
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("module 'pricing' is in folder 'modules/pricing', which does not exist"));
    }

    [Test]
    public async Task The_graph_gives_each_member_the_folders_whose_changes_reach_it()
    {
        using var root = Repository();
        var graph = await BuildHost.InspectAsync<ShopBuild>(new BuildHostOptions { RootDirectory = root.Path, WriteSchema = false, Environment = new Dictionary<string, string>() });
        Assert.That(graph.Find("BuildModule.storefront")!.ChangedBy,
            Is.EqualTo(new[] { "modules/catalog/**/*", "modules/pricing/**/*", "modules/storefront/**/*" }));
        Assert.That(graph.Find("BuildModule.catalog")!.ChangedBy, Is.EqualTo(new[] { "modules/catalog/**/*" }));
        Assert.That(graph.Find("DeployModule.storefront")!.DependsOn, Is.EqualTo(new[] { "BuildModule.storefront", "DeployModule.catalog", "DeployModule.pricing" }));
    }
}
