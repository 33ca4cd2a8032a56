using System.Net;
using Release.Testing.Network;
using Release.Tooling.Http;

namespace Release.Tooling.Tests.Http;

public sealed class HttpRetryPolicyTests
{
    private static readonly HttpRetryOptions Fast = new() { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40) };

    [Test]
    public async Task A_429_with_Retry_After_is_waited_out_then_the_200_is_returned()
    {
        await using var server = ScriptedHttpServer.Start(
            new ScriptedAnswer(HttpStatusCode.TooManyRequests, "slow down", RetryAfter: "1"), new ScriptedAnswer(HttpStatusCode.OK, "ok"));
        using var http = new HttpClient();
        var lines = new List<string>();
        var policy = new HttpRetryPolicy(Fast, lines.Add);

        using var response = await policy.SendAsync(ct => http.GetAsync(server.BaseUrl, ct));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
        var received = server.Received;
        Assert.That(received, Has.Count.EqualTo(2));
        // The backoff alone would be ~10 ms: the second request waited for the server's second.
        Assert.That(received[1].At - received[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
        Assert.That(lines, Is.EqualTo(new[] { "429 Too Many Requests; attempt 2 of 4 in 1000 ms (Retry-After)" }));
    }

    [Test]
    public async Task Server_errors_are_retried_with_backoff_and_the_last_answer_is_returned_when_attempts_run_out()
    {
        await using var server = ScriptedHttpServer.Start(new ScriptedAnswer(HttpStatusCode.BadGateway));
        using var http = new HttpClient();
        var policy = new HttpRetryPolicy(Fast with { MaxAttempts = 3 });

        using var response = await policy.SendAsync(ct => http.GetAsync(server.BaseUrl, ct));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(server.Received, Has.Count.EqualTo(3), "bounded: three attempts, no more");
    }

    [Test]
    public async Task Client_errors_are_not_retried()
    {
        await using var server = ScriptedHttpServer.Start(new ScriptedAnswer(HttpStatusCode.NotFound));
        using var http = new HttpClient();

        using var response = await new HttpRetryPolicy(Fast).SendAsync(ct => http.GetAsync(server.BaseUrl, ct));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(server.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_Retry_After_longer_than_the_allowed_wait_returns_the_answer_at_once()
    {
        await using var server = ScriptedHttpServer.Start(new ScriptedAnswer(HttpStatusCode.TooManyRequests, RetryAfter: "3600"));
        using var http = new HttpClient();

        using var response = await new HttpRetryPolicy(Fast).SendAsync(ct => http.GetAsync(server.BaseUrl, ct));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(server.Received, Has.Count.EqualTo(1), "an hour is not waited for; the caller reports the 429");
    }

    [Test]
    public async Task A_refused_connection_is_retried_then_rethrown()
    {
        var port = FreePort.Next(); // nothing listens there
        using var http = new HttpClient();
        var lines = new List<string>();

        Assert.ThrowsAsync<HttpRequestException>(() =>
            new HttpRetryPolicy(Fast with { MaxAttempts = 2 }, lines.Add).SendAsync(ct => http.GetAsync($"http://127.0.0.1:{port}/", ct)));

        Assert.That(lines, Has.Count.EqualTo(1).And.Some.Contains("attempt 2 of 2"));
        await Task.CompletedTask;
    }

    [Test]
    public void Cancellation_ends_the_wait_for_Retry_After()
    {
        using var cancellation = new CancellationTokenSource();
        var policy = new HttpRetryPolicy(Fast, _ => cancellation.Cancel());
        var calls = 0;

        Assert.CatchAsync<OperationCanceledException>(() => policy.SendAsync(_ =>
        {
            calls++;
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(20));
            return Task.FromResult(response);
        }, cancellation.Token));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_Retry_After_date_is_waited_out_on_the_injected_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
        var lines = new List<string>();
        var policy = new HttpRetryPolicy(Fast with { TimeProvider = clock }, lines.Add);
        var calls = 0;

        var sending = policy.SendAsync(_ =>
        {
            var response = new HttpResponseMessage(++calls == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(20));
            return Task.FromResult(response);
        });
        // Twenty seconds pass on the fake clock only; the real wait is a few polls.
        for (var step = 0; step < 100 && !sending.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(calls, Is.EqualTo(2));
        Assert.That(lines, Is.EqualTo(new[] { "503 Service Unavailable; attempt 2 of 4 in 20000 ms (Retry-After)" }));
    }

    [Test]
    public void Options_out_of_range_are_refused_naming_the_option() =>
        Assert.That(() => new HttpRetryPolicy(new HttpRetryOptions { MaxAttempts = 0 }), Throws.ArgumentException.With.Message.Contains("MaxAttempts"));
}
