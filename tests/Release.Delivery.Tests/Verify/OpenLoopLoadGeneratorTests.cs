using Release.Delivery.Verify;
using Release.Testing.Network;

namespace Release.Delivery.Tests.Verify;

/// <summary>
/// The generator is open loop: a server that stalls is still sent every scheduled request, and every request due during
/// the stall reports it (latency from its intended send time), not only the one request the server was busy with.
/// </summary>
public class OpenLoopLoadGeneratorTests
{
    [Test]
    public async Task A_stall_shows_in_every_request_due_during_it_not_only_the_one_that_met_it()
    {
        var answered = 0;
        // One request at a time, like a server with one worker; the fifth answer takes 600 ms.
        await using var server = LoopbackHttpServer.Start(async context =>
        {
            if (Interlocked.Increment(ref answered) == 5) await Task.Delay(600);
            context.Response.StatusCode = 200;
            context.Response.Close();
        });
        var profile = new LoadProfile("/ping", 50, TimeSpan.FromSeconds(2));
        using var http = OpenLoopLoadGenerator.CreateClient(profile);

        var samples = await new OpenLoopLoadGenerator(http, TimeProvider.System).RunAsync(server.BaseUrl.ToString(), profile, CancellationToken.None);

        Assert.That(samples, Has.Count.EqualTo(100), "every scheduled request was sent, stall or not");
        Assert.That(samples.Select(s => s.IntendedAt), Is.EqualTo(Enumerable.Range(0, 100).Select(i => TimeSpan.FromMilliseconds(20) * i)));
        Assert.That(samples.All(s => s.Error is null && s.Status == 200), Is.True);
        // Requests due in the 600 ms after the stall began waited for it: a closed loop would have reported one slow request.
        var slow = samples.Count(s => s.Latency >= TimeSpan.FromMilliseconds(300));
        Assert.That(slow, Is.GreaterThanOrEqualTo(10), string.Join(", ", samples.Select(s => (int)s.Latency.TotalMilliseconds)));
    }

    [Test]
    public async Task A_server_that_does_not_answer_counts_as_errors_with_the_reason()
    {
        await using var server = LoopbackHttpServer.Start(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Close();
            return Task.CompletedTask;
        });
        var profile = new LoadProfile("/", 20, TimeSpan.FromSeconds(0.5));
        using var http = OpenLoopLoadGenerator.CreateClient(profile);

        var samples = await new OpenLoopLoadGenerator(http, TimeProvider.System).RunAsync(server.BaseUrl.ToString(), profile, CancellationToken.None);

        Assert.That(samples.Select(s => (s.Status, s.Error)), Is.All.EqualTo((503, "HTTP 503")));
    }
}
