using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

public class ConditionTests
{
    private class Conditional : Build
    {
        [Parameter] readonly bool Deploy;
        bool _artifactsReady;

        Target Restore => _ => _.Executes(() => { });
        Target Compile => _ => _.DependsOn(Restore).Executes(() => _artifactsReady = false);
        Target Publish => _ => _.DependsOn(Compile).OnlyWhenStatic(() => Deploy).WhenSkipped(DependencyBehavior.Skip).Executes(() => { });
        Target Upload => _ => _.DependsOn(Compile).OnlyWhenDynamic(() => _artifactsReady).Executes(() => { });
    }

    [Test]
    public async Task A_static_condition_skips_with_its_source_text_as_reason()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Upload", "Publish");
        Assert.That(run.StatusOf("Publish"), Is.EqualTo("Skipped"));
        Assert.That(run.Output, Does.Contain("condition false: () => Deploy"));
    }

    [Test]
    public async Task WhenSkipped_Skip_skips_dependencies_nothing_else_needs()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Publish");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.Empty, run.Output);
        Assert.That(run.StatusOf("Compile"), Is.EqualTo("Skipped"));
    }

    [Test]
    public async Task Dependencies_still_needed_by_a_running_target_are_not_skipped()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Publish", "Upload");
        Assert.That(run.Started, Does.Contain("Compile"), run.Output);
    }

    [Test]
    public async Task A_dynamic_condition_is_evaluated_after_dependencies_ran()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Upload", "--deploy");
        Assert.That(run.StatusOf("Upload"), Is.EqualTo("Skipped"), run.Output);
        Assert.That(run.Output, Does.Contain("condition false: () => _artifactsReady"));
        Assert.That(run.Started, Does.Contain("Compile"));
    }

    [Test]
    public async Task Skip_with_names_skips_those_targets()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Compile", "--skip", "Restore");
        Assert.That(run.Started, Is.EqualTo(new[] { "Compile" }));
        Assert.That(run.StatusOf("Restore"), Is.EqualTo("Skipped"));
    }

    [Test]
    public async Task Skip_without_names_runs_only_the_invoked_targets()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Upload", "--skip");
        Assert.That(run.Started, Is.Empty, "Upload is skipped by its dynamic condition, the rest by --skip");
        Assert.That(run.StatusOf("Compile"), Is.EqualTo("Skipped"));
        Assert.That(run.StatusOf("Restore"), Is.EqualTo("Skipped"));
    }

    [Test]
    public async Task Skip_of_an_unknown_target_is_an_error_with_suggestions()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Conditional>(root.Path, "Compile", "--skip", "Restor");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Unknown target 'Restor'").And.Contain("Did you mean Restore"));
    }
}
