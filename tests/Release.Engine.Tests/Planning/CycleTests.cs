using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Planning;

public class CycleTests
{
    private class Cyclic : Build
    {
        Target Compile => _ => _.DependsOn(Pack).Executes(() => { });
        Target Pack => _ => _.DependsOn(Compile).Executes(() => { });
    }

    private class OrderingCycle : Build
    {
        Target A => _ => _.After(B).Executes(() => { });
        Target B => _ => _.After(C).Executes(() => { });
        Target C => _ => _.After(A).Executes(() => { });
    }

    [Test]
    public async Task A_dependency_cycle_is_reported_as_a_path_with_exit_code_2()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Cyclic>(root.Path, "Pack");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Compile -> Pack -> Compile").Or.Contain("Pack -> Compile -> Pack"));
        Assert.That(run.Started, Is.Empty);
    }

    [Test]
    public async Task An_ordering_cycle_through_After_is_reported_too()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<OrderingCycle>(root.Path, "A");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Match(@"Dependency cycle: (\w) -> \w -> \w -> \1"));
    }
}
