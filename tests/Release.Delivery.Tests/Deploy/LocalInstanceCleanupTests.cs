using Release.Delivery.Deploy.Local;
using Release.Delivery.Tests.Support;

namespace Release.Delivery.Tests.Deploy;

/// <summary>
/// A local deploy never leaves its new instance running when it fails after starting it: <c>--health-timeout -1</c>
/// once crashed the wait and left the podman container behind; it is refused before anything runs now, and any
/// failure after the start stops the instance.
/// </summary>
public class LocalInstanceCleanupTests
{
    private sealed class RecordingInstance() : LocalInstance("http://127.0.0.1:1", "test instance")
    {
        public bool Stopped { get; private set; }
        public override Task<bool> IsRunningAsync(CancellationToken ct) => Task.FromResult(!Stopped);
        public override Task StopAsync(CancellationToken ct) { Stopped = true; return Task.CompletedTask; }
        public override Task<IReadOnlyList<string>> RecentOutputAsync(CancellationToken ct) => throw new IOException("no logs either");
        public override LocalInstanceState ToState() => throw new NotSupportedException();
    }

    [Test]
    public void An_unexpected_failure_while_waiting_stops_the_instance_and_goes_on()
    {
        var instance = new RecordingInstance();
        var failure = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LocalDeployer.AwaitHealthyAsync(instance,
            () => throw new ArgumentOutOfRangeException("delay"), "director 1.2.3", "There was no previous instance."));
        Assert.That(failure!.ParamName, Is.EqualTo("delay"));
        Assert.That(instance.Stopped, Is.True);
    }

    [Test]
    public void Cancellation_while_waiting_stops_the_instance()
    {
        var instance = new RecordingInstance();
        Assert.CatchAsync<OperationCanceledException>(() => LocalDeployer.AwaitHealthyAsync(instance,
            () => throw new OperationCanceledException(), "director 1.2.3", "There was no previous instance."));
        Assert.That(instance.Stopped, Is.True);
    }

    [Test]
    public void An_instance_that_never_answers_is_stopped_and_reported_with_what_stays_current()
    {
        var instance = new RecordingInstance();
        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => LocalDeployer.AwaitHealthyAsync(instance,
            () => throw new TimeoutException("no 2xx within 10 s"), "director 1.2.3", "There was no previous instance."));
        Assert.That(failure!.Message, Does.Contain("did not become healthy: no 2xx within 10 s It was removed. There was no previous instance."));
        Assert.That(instance.Stopped, Is.True);
    }

    [Test]
    public async Task A_negative_health_timeout_is_refused_before_any_instance_starts()
    {
        using var root = new PipelineRoot();
        var run = await BuildRunner.RunAsync<DeployOnlyBuild>(root.Path, "Deploy", "--environment", "local", "--health-timeout", "-1");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("--health-timeout has the value '-1' from the command line (--health-timeout), which is less than 1"));
        Assert.That(run.Output, Does.Not.Contain("Started").And.Not.Contain("Exception"));
    }
}
