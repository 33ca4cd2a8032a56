using Release.Engine.Hosting;
using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Planning;

/// <summary>Targets declared from data: one per member, related along a graph, and ordinary targets to everything else.</summary>
public class TargetFamilyTests
{
    /// <summary>web needs api, api needs db; tools stands alone. Compile follows that graph; Push needs its own Compile.</summary>
    private class Modules : Build
    {
        private static readonly Dictionary<string, string[]> Graph = new()
        {
            ["db"] = [], ["api"] = ["db"], ["web"] = ["api"], ["tools"] = [],
        };

        Target Restore => _ => _.Executes(() => { });

        TargetFamily Compile => new(Graph.Keys, (module, _) => _
            .Description($"Compiles {module}")
            .DependsOn(Restore)
            .DependsOn(Compile, Graph[module])
            .ChangedBy($"modules/{module}/**")
            .Executes(() => Log.Information($"compiling {module}")));

        TargetFamily Push => new(Graph.Keys, (module, _) => _
            .DependsOn(Compile, [module])
            .Executes(() => ReportSummary("Digest", $"sha256:{module}")));

        Target Deploy => _ => _.DependsOn(Push).Executes(() => { });
    }

    private static async Task<BuildRun> Run<T>(params string[] args) where T : Build, new()
    {
        using var root = new TempRoot();
        return await BuildRun.RunAsync<T>(root.Path, args);
    }

    [Test]
    public async Task Each_member_is_a_target_named_family_dot_member_and_the_plan_follows_the_graph()
    {
        var run = await Run<Modules>("Compile.web", "--plan");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Plan (4 targets)"));
        var lines = run.Output.Split('\n').Where(l => l.Contains(". Compile.") || l.Contains(". Restore")).Select(l => l.Trim()).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            "1. Restore (needed by Compile.db, Compile.api, Compile.web)",
            "2. Compile.db (needed by Compile.api)",
            "3. Compile.api (needed by Compile.web)",
            "4. Compile.web (invoked)",
        }));
    }

    [Test]
    public async Task A_target_depending_on_a_family_pulls_in_every_member_and_each_member_its_own_dependencies()
    {
        var run = await Run<Modules>("Deploy", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var started = run.Started;
        Assert.That(started, Has.Count.EqualTo(10));
        foreach (var module in new[] { "db", "api", "web", "tools" })
            Assert.That(started.IndexOf($"Compile.{module}"), Is.LessThan(started.IndexOf($"Push.{module}")), module);
        Assert.That(started.IndexOf("Compile.db"), Is.LessThan(started.IndexOf("Compile.api")));
        Assert.That(started.IndexOf("Compile.api"), Is.LessThan(started.IndexOf("Compile.web")));
        Assert.That(started[^1], Is.EqualTo("Deploy"));
        Assert.That(run.Output, Does.Contain("[Compile.web] compiling web"));
        Assert.That(run.StatusOf("Push.api"), Is.EqualTo("Succeeded"));
        Assert.That(run.Output, Does.Contain("sha256:api"), "each member's figures reach the summary");
    }

    [Test]
    public async Task Skip_and_case_insensitive_names_work_on_members_as_on_any_target()
    {
        var run = await Run<Modules>("push.WEB", "--skip", "compile.db", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Restore", "Compile.api", "Compile.web", "Push.web" }));
        Assert.That(run.StatusOf("Compile.db"), Is.EqualTo("Skipped"));
    }

    [Test]
    public async Task The_graph_carries_family_member_and_changed_paths_for_CI_generators()
    {
        using var root = new TempRoot();
        var graph = await BuildHost.InspectAsync<Modules>(new BuildHostOptions { RootDirectory = root.Path, WriteSchema = false, Environment = new Dictionary<string, string>() });
        var web = graph.Find("Compile.web")!;
        Assert.Multiple(() =>
        {
            Assert.That(web.Family, Is.EqualTo("Compile"));
            Assert.That(web.Member, Is.EqualTo("web"));
            Assert.That(web.DependsOn, Is.EqualTo(new[] { "Restore", "Compile.api" }));
            Assert.That(web.ChangedBy, Is.EqualTo(new[] { "modules/web/**" }));
            Assert.That(graph.Find("Push.web")!.DependsOn, Is.EqualTo(new[] { "Compile.web" }));
            Assert.That(graph.Find("Deploy")!.DependsOn, Is.EqualTo(new[] { "Push.db", "Push.api", "Push.web", "Push.tools" }));
            Assert.That(graph.Find("Deploy")!.Family, Is.Null);
            Assert.That(graph.Find("Deploy")!.ChangedBy, Is.Empty);
        });
    }

    /// <summary>Two members that can only both finish when they run at the same time.</summary>
    private class ParallelMembers : Build
    {
        private readonly Dictionary<string, TaskCompletionSource> _started = new()
        {
            ["left"] = new(TaskCreationOptions.RunContinuationsAsynchronously), ["right"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };

        TargetFamily Build => new(["left", "right"], (module, _) => _.Executes(async ct =>
        {
            _started[module].SetResult();
            await _started[module == "left" ? "right" : "left"].Task.WaitAsync(ct);
        }));

        Target All => _ => _.DependsOn(Build).Executes(() => { });
    }

    [Test, CancelAfter(60_000)]
    public async Task Independent_members_run_at_the_same_time_within_max_parallel(CancellationToken testTimeout)
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<ParallelMembers>(root.Path, new Dictionary<string, string>(), testTimeout, "All", "--max-parallel", "2");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var events = run.Events.ToList();
        Assert.That(events.IndexOf("start:Build.right"), Is.LessThan(events.IndexOf("end:Build.left:Succeeded")));
        Assert.That(events.IndexOf("start:Build.left"), Is.LessThan(events.IndexOf("end:Build.right:Succeeded")));
    }

    [Test]
    public async Task Max_parallel_1_never_overlaps_members()
    {
        var run = await Run<Modules>("Deploy", "--max-parallel", "1");
        var running = 0;
        foreach (var e in run.Events)
        {
            running += e.StartsWith("start:") ? 1 : -1;
            Assert.That(running, Is.LessThanOrEqualTo(1), string.Join(", ", run.Events));
        }
    }

    private class Incremental : Build
    {
        TargetFamily Compile => new(["a", "b"], (module, _) => _
            .Consumes($"src/{module}/*.cs")
            .Produces($"out/{module}.dll")
            .Executes(() =>
            {
                Directory.CreateDirectory(RootDirectory / "out");
                File.WriteAllText(RootDirectory / "out" / $"{module}.dll", File.ReadAllText(RootDirectory / "src" / module / "m.cs"));
            }));

        Target All => _ => _.DependsOn(Compile).Executes(() => { });
    }

    [Test]
    public async Task A_change_to_one_members_input_reruns_that_member_only()
    {
        using var root = new TempRoot();
        root.Write("src/a/m.cs", "class A {}");
        root.Write("src/b/m.cs", "class B {}");
        var first = await BuildRun.RunAsync<Incremental>(root.Path, "All");
        Assert.That(first.Started, Does.Contain("Compile.a").And.Contain("Compile.b"), first.Output);
        root.Write("src/b/m.cs", "class B { int x; }");
        var second = await BuildRun.RunAsync<Incremental>(root.Path, "All");
        Assert.That(second.StatusOf("Compile.a"), Is.EqualTo("UpToDate"), second.Output);
        Assert.That(second.StatusOf("Compile.b"), Is.EqualTo("Succeeded"));
        Assert.That(second.Started, Does.Not.Contain("Compile.a"));
    }

    private class Cyclic : Build
    {
        private static readonly Dictionary<string, string[]> Graph = new() { ["a"] = ["b"], ["b"] = ["a"] };
        TargetFamily Compile => new(Graph.Keys, (module, _) => _.DependsOn(Compile, Graph[module]).Executes(() => { }));
    }

    [Test]
    public async Task A_cycle_between_members_is_shown_as_a_path_and_exits_2()
    {
        var run = await Run<Cyclic>("Compile.a");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("Compile.a -> Compile.b -> Compile.a"));
    }

    private class UnknownMember : Build
    {
        TargetFamily Compile => new(["api"], (module, _) => _.Executes(() => { }));
        Target Deploy => _ => _.DependsOn(Compile, ["web"]).Executes(() => { });
    }

    [Test]
    public async Task A_reference_to_a_member_the_family_lacks_names_the_target_the_member_and_the_members()
    {
        var run = await Run<UnknownMember>("Deploy");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("Target 'Deploy' refers to 'Compile.web', but family 'Compile' has no member 'web' (members: api)"));
    }

    private class BadMemberName : Build
    {
        TargetFamily Compile => new(["ok", "not ok"], (module, _) => _.Executes(() => { }));
    }

    private class DuplicateMember : Build
    {
        TargetFamily Compile => new(["api", "API"], (module, _) => _.Executes(() => { }));
    }

    [Test]
    public async Task Member_names_that_cannot_be_target_names_or_appear_twice_exit_2()
    {
        var bad = await Run<BadMemberName>("Compile.ok");
        Assert.That(bad.ExitCode, Is.EqualTo(2), bad.Output);
        Assert.That(bad.Output, Does.Contain("Target family 'Compile' has a member named 'not ok'"));
        var twice = await Run<DuplicateMember>("Compile.api");
        Assert.That(twice.ExitCode, Is.EqualTo(2), twice.Output);
        Assert.That(twice.Output, Does.Contain("two members named 'API'"));
    }

    /// <summary>One helper makes a family per stage: the same lambda, so the families need names to be told apart.</summary>
    private class Helper : Build
    {
        private static readonly string[] Members = ["x", "y"];
        private TargetFamily Stage(string stage, TargetFamily? after = null) =>
            new(Members, (module, _) => (after is null ? _ : _.DependsOn(after, [module])).Executes(() => Log.Information($"{stage} {module}")), name: stage);

        TargetFamily Build => Stage("Build");
        TargetFamily Test => Stage("Test", Build);
    }

    [Test]
    public async Task Families_made_by_one_helper_are_told_apart_by_their_names()
    {
        var run = await Run<Helper>("Test.y", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Build.y", "Test.y" }));
    }

    private class UnnamedHelper : Build
    {
        private static readonly string[] Members = ["x"];
        private TargetFamily Stage(TargetFamily? after = null) =>
            new(Members, (module, _) => (after is null ? _ : _.DependsOn(after, [module])).Executes(() => { }));

        TargetFamily Build => Stage();
        TargetFamily Test => Stage(Build);
    }

    [Test]
    public async Task Families_made_by_one_helper_without_names_are_an_error_that_says_to_name_them()
    {
        var run = await Run<UnnamedHelper>("Test.x");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("made by the same function as families Build and Test").And.Contain("Give each family a name"));
    }

    /// <summary>A component declares a family with a default implementation, as it declares targets.</summary>
    private interface IPackModules : IBuild
    {
        IReadOnlyList<string> ModuleNames => ["one", "two"];
        TargetFamily Pack => new(ModuleNames, (module, _) => _.Executes(() => Log.Information($"packing {module}")));
    }

    private class WithComponent : Build, IPackModules
    {
        Target Release => _ => _.DependsOn(((IPackModules)this).Pack).Executes(() => { });
    }

    [Test]
    public async Task A_component_can_declare_a_family()
    {
        var run = await Run<WithComponent>("Release", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Pack.one", "Pack.two", "Release" }));
    }

    /// <summary>A family property checks its data (an application's declaration) and refuses it while the build loads.</summary>
    private class CheckedData : Build
    {
        TargetFamily Compile => throw new BuildInputException("build/Build.cs:12: module 'web' depends on 'apii'. Declare module 'apii'.");
        Target Other => _ => _.Executes(() => { });
    }

    [Test]
    public async Task What_a_family_property_refuses_exits_2_with_its_own_message_before_anything_runs()
    {
        var run = await Run<CheckedData>("Other");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("error: build/Build.cs:12: module 'web' depends on 'apii'"));
        Assert.That(run.Output, Does.Not.Contain("invocation"));
        Assert.That(run.Started, Is.Empty);
    }
}
