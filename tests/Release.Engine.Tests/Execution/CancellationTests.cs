using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Execution;

public class CancellationTests
{
    private class LongRunning : Build
    {
        Target Serve => _ => _.Executes(async ct => await Task.Delay(Timeout.Infinite, ct));
        Target Later => _ => _.DependsOn(Serve).Executes(() => { });
        Target Cleanup => _ => _.After(Serve).AssuredAfterFailure().Executes(() => Log.Information("cleaned up"));
    }

    [Test, CancelAfter(60_000)]
    public async Task Cancelling_stops_running_targets_through_their_token_and_still_runs_assured_targets(CancellationToken testTimeout)
    {
        using var root = new TempRoot();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(testTimeout);
        var observer = new CancelOnStart("Serve", cancellation);
        var writer = new StringWriter();
        var exit = await Release.Engine.Hosting.BuildHost.RunAsync<LongRunning>(["Later", "Cleanup"], null,
            new() { RootDirectory = root.Path, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(writer), Interactive = false, Observer = observer },
            cancellation.Token);
        var output = writer.ToString();
        Assert.That(exit, Is.EqualTo(130), output);
        Assert.That(output, Does.Contain("[Serve] warning: cancelled"));
        Assert.That(output, Does.Contain("[Cleanup] cleaned up"));
        Assert.That(output, Does.Match(@"\| Later\s+\| NotRun"));
    }

    private sealed class CancelOnStart(string target, CancellationTokenSource source) : IBuildObserver
    {
        public void TargetStarted(string name) { if (name == target) source.Cancel(); }
        public void TargetFinished(string name, TargetStatus status) { }
    }
}
