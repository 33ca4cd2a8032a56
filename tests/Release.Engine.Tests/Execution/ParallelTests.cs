using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

public class ParallelTests
{
    /// <summary>
    /// Left and Right each wait until the other has started. They can only both finish when they run at the same
    /// time, so finishing proves overlap by events, not by timing.
    /// </summary>
    private class Rendezvous : Build
    {
        readonly TaskCompletionSource _leftStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        readonly TaskCompletionSource _rightStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        Target Restore => _ => _.Executes(() => { });
        Target Left => _ => _.DependsOn(Restore).Executes(async ct =>
        {
            _leftStarted.SetResult();
            await _rightStarted.Task.WaitAsync(ct);
            Log.Information("left saw right");
        });
        Target Right => _ => _.DependsOn(Restore).Executes(async ct =>
        {
            _rightStarted.SetResult();
            await _leftStarted.Task.WaitAsync(ct);
            Log.Information("right saw left");
        });
        Target All => _ => _.DependsOn(Left, Right).Executes(() => { });
    }

    private class Independent : Build
    {
        Target A => _ => _.Executes(() => Log.Information("a"));
        Target B => _ => _.Executes(() => Log.Information("b"));
        Target C => _ => _.Executes(() => Log.Information("c"));
        Target All => _ => _.DependsOn(A, B, C).Executes(() => { });
    }

    [Test, CancelAfter(60_000)]
    public async Task Independent_targets_run_at_the_same_time(CancellationToken testTimeout)
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Rendezvous>(root.Path, new Dictionary<string, string>(), testTimeout, "All", "--max-parallel", "2");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("[Left] left saw right").And.Contain("[Right] right saw left"));
        var events = run.Events.ToList();
        Assert.That(events.IndexOf("start:Right"), Is.LessThan(events.IndexOf("end:Left:Succeeded")));
        Assert.That(events.IndexOf("start:Left"), Is.LessThan(events.IndexOf("end:Right:Succeeded")));
        Assert.That(events.IndexOf("end:Restore:Succeeded"), Is.LessThan(events.IndexOf("start:Left")), "dependencies still come first");
        Assert.That(events.IndexOf("start:All"), Is.GreaterThan(events.IndexOf("end:Right:Succeeded")));
    }

    [Test]
    public async Task Max_parallel_1_never_overlaps_targets()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Independent>(root.Path, "All", "--max-parallel", "1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var running = 0;
        foreach (var e in run.Events)
        {
            running += e.StartsWith("start:") ? 1 : -1;
            Assert.That(running, Is.LessThanOrEqualTo(1), string.Join(", ", run.Events));
        }
    }

    [Test]
    public async Task Output_lines_of_each_target_carry_its_name()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Independent>(root.Path, "All");
        Assert.That(run.Output, Does.Contain("[A] a").And.Contain("[B] b").And.Contain("[C] c"));
    }
}
