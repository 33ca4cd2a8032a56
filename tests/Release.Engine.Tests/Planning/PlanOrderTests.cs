using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Planning;

public class PlanOrderTests
{
    private class Relations : Build
    {
        Target Restore => _ => _.Executes(() => { });
        Target Compile => _ => _.DependsOn(Restore).Executes(() => { });
        Target Lint => _ => _.DependentFor(Compile).Executes(() => { });
        Target Test => _ => _.DependsOn(Compile).Executes(() => { });
        Target Pack => _ => _.DependsOn(Compile).After(Test).Executes(() => { });
        Target Clean => _ => _.Before(Restore).Executes(() => { });
        Target Publish => _ => _.DependsOn(Pack).Triggers(Notify).Executes(() => { });
        Target Notify => _ => _.Executes(() => { });
        Target Report => _ => _.TriggeredBy(Test).Executes(() => { });
    }

    private static async Task<BuildRun> Run(params string[] args)
    {
        using var root = new TempRoot();
        return await BuildRun.RunAsync<Relations>(root.Path, args.Append("--max-parallel").Append("1").ToArray());
    }

    [Test]
    public async Task DependsOn_pulls_dependencies_in_and_runs_them_first()
    {
        var run = await Run("Compile");
        Assert.That(run.Started, Is.EqualTo(new[] { "Restore", "Lint", "Compile" }), run.Output);
    }

    [Test]
    public async Task DependentFor_pulls_the_target_in_before_its_dependent()
    {
        var run = await Run("Compile");
        Assert.That(run.Started.IndexOf("Lint"), Is.LessThan(run.Started.IndexOf("Compile")));
    }

    [Test]
    public async Task Before_orders_only_when_both_are_planned()
    {
        Assert.That((await Run("Compile")).Started, Does.Not.Contain("Clean"));
        var both = await Run("Compile", "Clean");
        Assert.That(both.Started.IndexOf("Clean"), Is.LessThan(both.Started.IndexOf("Restore")), both.Output);
    }

    [Test]
    public async Task After_orders_only_when_both_are_planned()
    {
        Assert.That((await Run("Pack")).Started, Does.Not.Contain("Test"));
        var both = await Run("Pack", "Test");
        Assert.That(both.Started.IndexOf("Test"), Is.LessThan(both.Started.IndexOf("Pack")), both.Output);
    }

    [Test]
    public async Task Triggers_pulls_the_triggered_target_in_after_the_trigger()
    {
        var run = await Run("Publish");
        Assert.That(run.Started, Does.Contain("Notify"));
        Assert.That(run.Started.IndexOf("Notify"), Is.GreaterThan(run.Started.IndexOf("Publish")));
    }

    [Test]
    public async Task TriggeredBy_pulls_the_target_in_after_its_trigger()
    {
        var run = await Run("Test");
        Assert.That(run.Started[^1], Is.EqualTo("Report"), run.Output);
    }

    [Test]
    public async Task Plan_option_prints_the_plan_and_runs_nothing()
    {
        var run = await Run("Publish", "--plan");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Started, Is.Empty);
        Assert.That(run.Output, Does.Contain("Publish (invoked)").And.Contain("Notify (triggered by Publish)").And.Contain("Compile (needed by Pack)"));
    }
}
