using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Release.Delivery.Tests.Support;
using Release.Delivery.Verify;
using Release.Testing.Git;
using Release.Testing.Network;

namespace Release.Delivery.Tests.Verify;

/// <summary>
/// After a GitOps deployment (a real commit into a bare environment repository), SanityCheck polls the environment's
/// version endpoint until it reports the deployed version (Flux applied the commit) and only then checks; it gives up
/// at its deadline naming the last answer, and a cancelled wait ends at once.
/// </summary>
public class SanityCheckWaitsForGitOpsTests
{
    private const string ImageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string ChartDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static async Task<PipelineRoot> DeployedAsync(TempBareRemote remote, Uri cluster)
    {
        var root = new PipelineRoot();
        await root.WriteSourceAsync("1.2.3");
        await root.WritePushAsync("registry.example:5000", "apps/director", "1.2.3_gabc1234", ImageDigest);
        await root.WriteChartAsync("registry.example:5000", ChartDigest, ImageDigest);
        var deploy = await BuildRunner.RunAsync<GitOpsVerifiedBuild>(root.Path, "Deploy", "--environment", "cluster", "--gitops-repository", remote.Path,
            "--cluster-url", cluster.ToString().TrimEnd('/'));
        Assert.That(deploy.ExitCode, Is.Zero, deploy.ToString());
        Assert.That(deploy.Output, Does.Contain("Sanity checks of 'cluster' run once Flux has applied the commit"));
        return root;
    }

    [Test]
    public async Task SanityCheck_waits_until_the_environment_reports_the_committed_version_then_checks_it()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        await using var cluster = ScriptedHttpServer.Start(
            new ScriptedAnswer(HttpStatusCode.OK, """{"version":"1.2.2","commit":"0000000"}"""),
            new ScriptedAnswer(HttpStatusCode.ServiceUnavailable, "no healthy upstream"),
            new ScriptedAnswer(HttpStatusCode.OK, """{"version":"1.2.3","commit":"abc1234"}"""),
            new ScriptedAnswer(HttpStatusCode.OK, "Healthy"));
        using var root = await DeployedAsync(remote, cluster.BaseUrl);
        Assert.That(cluster.Received, Is.Empty, "Deploy does not check a GitOps environment right after the commit");

        var run = await BuildRunner.RunAsync<GitOpsVerifiedBuild>(root.Path, "SanityCheck", "--environment", "cluster",
            "--cluster-url", cluster.BaseUrl.ToString().TrimEnd('/'), "--sanity-wait", "60");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("'cluster' reports 1.2.3 (after 3 polls)").And.Contain("Sanity checks of director 1.2.3 in 'cluster' passed: health"));
        Assert.That(cluster.Received.Select(r => r.Path), Is.EqualTo(new[] { "/version", "/version", "/version", "/health" }),
            "the health check came only after the new version answered");
        var polls = cluster.Received.Take(3).Select(r => r.At).ToArray();
        Assert.That(polls[1] - polls[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "one poll per interval, not a busy loop");
        var report = JsonDocument.Parse(File.ReadAllText(root.Paths.SanityReport("cluster"))).RootElement;
        Assert.That((report.GetProperty("version").GetString(), report.GetProperty("passed").GetBoolean()), Is.EqualTo(("1.2.3", true)));
    }

    [Test]
    public async Task SanityCheck_gives_up_at_its_deadline_naming_the_version_still_served_and_checks_nothing()
    {
        using var remote = await TempBareRemote.CreateWithCommitsAsync(1);
        await using var cluster = ScriptedHttpServer.Start(new ScriptedAnswer(HttpStatusCode.OK, """{"version":"1.2.2"}"""));
        using var root = await DeployedAsync(remote, cluster.BaseUrl);

        var run = await BuildRunner.RunAsync<GitOpsVerifiedBuild>(root.Path, "SanityCheck", "--environment", "cluster",
            "--cluster-url", cluster.BaseUrl.ToString().TrimEnd('/'), "--sanity-wait", "2");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("'cluster' does not run director 1.2.3 yet").And.Contain("/version did not report 1.2.3 within 2 s")
            .And.Contain("its last answer: version 1.2.2").And.Contain("--sanity-wait"));
        Assert.That(cluster.Received.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { "/version" }), "no check ran against the old release");
        Assert.That(cluster.Received, Has.Count.InRange(2, 4), "polled once a second for two seconds");
        Assert.That(File.Exists(root.Paths.SanityReport("cluster")), Is.False);
    }

    [Test]
    public async Task A_cancelled_wait_ends_at_once_without_waiting_for_the_deadline_or_the_interval()
    {
        await using var cluster = ScriptedHttpServer.Start(new ScriptedAnswer(HttpStatusCode.OK, "1.2.2"));
        using var http = new HttpClient();
        var clock = new TimerWatchingClock(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var cancel = new CancellationTokenSource();
        var wait = new DeployedVersionWait(http, clock) { PollInterval = TimeSpan.FromMinutes(1) }
            .UntilReportsAsync(cluster.BaseUrl + "version", "1.2.3", TimeSpan.FromHours(1), cancel.Token);
        // The clock moves only once the wait has set its timer for the interval: moved before, it would leave the
        // timer an interval in the future and the test waiting for a second poll that never comes.
        Assert.That(await clock.TimerCreated.WaitAsync(TimeSpan.FromMinutes(1)), Is.True, "the wait set no timer after its first poll");
        Assert.That(cluster.Received, Has.Count.EqualTo(1));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await clock.TimerCreated.WaitAsync(TimeSpan.FromMinutes(1)), Is.True, "the wait set no timer after its second poll");
        Assert.That(cluster.Received, Has.Count.EqualTo(2));
        Assert.That(wait.IsCompleted, Is.False, "the fake clock's interval holds the next poll; the deadline is an hour away");
        await cancel.CancelAsync();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(cluster.Received, Has.Count.EqualTo(2));
    }

    [TestCase("1.2.3", "1.2.3", true)]
    [TestCase("1.2.3+gabc1234", "1.2.3", true)]
    [TestCase("1.2.30", "1.2.3", false)]
    [TestCase("1.2.3-beta.1", "1.2.3", false)]
    public void A_reported_version_matches_with_or_without_build_metadata(string reported, string version, bool matches) =>
        Assert.That(DeployedVersionWait.Matches(reported, version), Is.EqualTo(matches));
}

/// <summary>A fake clock that says when a timer is set on it, so a test moves time only once something waits on it.</summary>
internal sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>Released once for every timer created.</summary>
    public SemaphoreSlim TimerCreated { get; } = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TimerCreated.Release();
        return timer;
    }
}
