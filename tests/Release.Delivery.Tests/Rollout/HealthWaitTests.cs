using System.Diagnostics;
using System.Text;
using Release.Delivery.Deploy.Rollout;
using Release.Testing.Network;

namespace Release.Delivery.Tests.Rollout;

/// <summary>The wait for a dependency's health, against a real HTTP listener on loopback.</summary>
public class HealthWaitTests
{
    private static LoopbackHttpServer Answering(Func<int> status, string body) => LoopbackHttpServer.Start(async context =>
    {
        context.Response.StatusCode = status();
        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    });

    [Test]
    public async Task An_unhealthy_answer_until_the_deadline_is_quoted_with_the_time_waited()
    {
        await using var server = Answering(() => 503, "{\"ledger\":\"unreachable\"}");
        var problem = await new HealthWait(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)).ProblemAsync(server.BaseUrl.ToString(), "/health", CancellationToken.None);
        Assert.That(problem, Is.EqualTo("/health answered 503 \"{\"ledger\":\"unreachable\"}\" for 1 s"));
    }

    [Test]
    public async Task A_module_that_turns_healthy_within_the_deadline_is_no_problem()
    {
        var calls = 0;
        await using var server = Answering(() => Interlocked.Increment(ref calls) < 3 ? 503 : 200, "{}");
        var problem = await new HealthWait(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50)).ProblemAsync(server.BaseUrl.ToString(), "/health", CancellationToken.None);
        Assert.That(problem, Is.Null);
        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public async Task Nothing_listening_is_said_and_cancellation_ends_the_wait_at_once()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}";
        var problem = await new HealthWait(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100)).ProblemAsync(closed, "/health", CancellationToken.None);
        Assert.That(problem, Does.StartWith("/health did not answer (").And.EndWith(") for 1 s"));

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        Assert.That(async () => await new HealthWait(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100)).ProblemAsync(closed, "/health", cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "cancelled, not waited out");
    }
}
