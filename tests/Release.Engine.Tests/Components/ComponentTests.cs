using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Components;

public interface ICompile : IBuild
{
    [Parameter("Build configuration")] string Configuration => TryGetValue(() => Configuration) ?? "Debug";

    Target Restore => _ => _.Executes(() => Log.Information("restoring"));
    Target Compile => _ => _.DependsOn(Restore).Executes(() => Log.Information($"compiling {Configuration}"));
}

public interface ITest : ICompile
{
    Target Test => _ => _.DependsOn<ICompile>(x => x.Compile).Executes(() => Log.Information("testing"));
}

public interface IPack : IBuild
{
    Target Pack => _ => _.TryDependsOn<ITest>(x => x.Test).Executes(() => Log.Information("packing"));
}

public interface IOtherPack : IBuild
{
    Target Pack => _ => _.Executes(() => { });
}

public interface IPublish<TFeed> : IBuild
{
    Target Publish => _ => _.Executes(() => Log.Information($"publishing to a {typeof(TFeed).Name} feed"));
}

public class ComponentTests
{
    private class Mixed : Build, ITest, IPack;

    private class WithoutTests : Build, ICompile, IPack;

    private class Overriding : Build, ITest
    {
        public Target Compile => _ => _.Inherit<ICompile>(x => x.Compile).Executes(() => Log.Information("and signing"));
    }

    private class OverridingWithBase : Build, ICompile
    {
        Target ICompile.Compile => _ => _.Base().Executes(() => Log.Information("and stamping"));
    }

    private class Clashing : Build, IPack, IOtherPack;

    private class BaseBuild : Build
    {
        public virtual Target Compile => _ => _.Executes(() => Log.Information("base compiling"));
    }

    private class DerivedWithBase : BaseBuild
    {
        public override Target Compile => _ => _.Base().Executes(() => Log.Information("derived compiling"));
    }

    private class GenericWithBase : Build, IPublish<string>
    {
        Target IPublish<string>.Publish => _ => _.Base().Executes(() => Log.Information("and announcing"));
    }

    [Test]
    public async Task Components_contribute_targets_and_parameters_with_defaults()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Mixed>(root.Path, "Pack", "--configuration", "Release", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Restore", "Compile", "Test", "Pack" }));
        Assert.That(run.Output, Does.Contain("[Compile] compiling Release"));
    }

    [Test]
    public async Task An_optional_link_to_an_absent_component_is_ignored()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<WithoutTests>(root.Path, "Pack");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Pack" }));
        Assert.That(run.Output, Does.Contain("[Pack] packing"));
    }

    [Test]
    public async Task A_build_can_override_a_component_target_and_inherit_its_definition()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Overriding>(root.Path, "Test", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Restore", "Compile", "Test" }), "the inherited DependsOn(Restore) holds and Test still depends on the override");
        Assert.That(run.Output, Does.Contain("[Compile] compiling Debug").And.Contain("[Compile] and signing"));
        Assert.That(run.Output.IndexOf("compiling Debug"), Is.LessThan(run.Output.IndexOf("and signing")));
    }

    [Test]
    public async Task Base_reuses_the_component_definition_from_an_explicit_implementation()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<OverridingWithBase>(root.Path, "Compile", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.EqualTo(new[] { "Restore", "Compile" }));
        Assert.That(run.Output, Does.Contain("[Compile] compiling Debug").And.Contain("[Compile] and stamping"));
    }

    [Test]
    public async Task Two_components_with_a_target_of_the_same_name_are_an_error()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Clashing>(root.Path, "Pack");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Two targets are named 'Pack'").And.Contain("IPack").And.Contain("IOtherPack"));
    }

    [Test]
    public async Task Base_reuses_the_base_class_definition_of_an_overridden_target()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<DerivedWithBase>(root.Path, "Compile");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("[Compile] base compiling").And.Contain("[Compile] derived compiling"));
        Assert.That(run.Output.IndexOf("base compiling"), Is.LessThan(run.Output.IndexOf("derived compiling")));
    }

    [Test]
    public async Task Base_reuses_the_definition_of_a_generic_component()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<GenericWithBase>(root.Path, "Publish");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("[Publish] publishing to a String feed").And.Contain("[Publish] and announcing"));
    }
}
