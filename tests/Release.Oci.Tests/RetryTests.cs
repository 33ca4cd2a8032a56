using System.Net;
using System.Net.Sockets;
using Release.Oci.Tests.Support;
using Release.Testing.Network;

namespace Release.Oci.Tests;

public class RetryTests : RegistryTestBase
{
    private static readonly OciRegistryClientOptions FastRetries = new()
    {
        MaxAttempts = 3,
        InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(40),
    };

    [Test]
    public void An_unreachable_registry_is_retried_then_fails_naming_the_registry_and_what_to_check()
    {
        var port = PortWithNothingListening();
        var lines = new List<string>();
        using var client = new OciRegistryClient($"127.0.0.1:{port}", options: FastRetries, log: lines.Add);

        var error = Assert.ThrowsAsync<RegistryUnreachableException>(() => client.ListTagsAsync("apps/web"));

        Assert.That(error!.Attempts, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain($"127.0.0.1:{port}").And.Contain("unreachable after 3 attempt(s)")
            .And.Contain("Check that the registry is running"));
        Assert.That(lines.Count(l => l.Contains("request failed", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(lines, Has.Some.Contains("attempt 2 of 3").And.Some.Contains("attempt 3 of 3"));
    }

    [Test]
    public async Task Server_errors_are_retried_and_the_request_then_succeeds()
    {
        await using var front = new TokenAuthFront(Registry.Address, "ci", "s3cret", failFirstRequests: 2);
        var lines = new List<string>();
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("ci", "s3cret"), FastRetries, lines.Add);

        await client.CheckAsync();

        Assert.That(front.InjectedFailures, Is.EqualTo(2));
        Assert.That(lines.Count(l => l.Contains("503", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task Server_errors_that_persist_fail_with_the_status_and_the_attempt_count()
    {
        await using var front = new TokenAuthFront(Registry.Address, "ci", "s3cret", failFirstRequests: 1000);
        using var client = new OciRegistryClient(front.Address, new RegistryCredentials("ci", "s3cret"), FastRetries);

        var error = Assert.ThrowsAsync<OciRegistryException>(() => client.ListTagsAsync("apps/web"));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(error.Message, Does.Contain(front.Address).And.Contain("after 3 attempt(s)"));
        Assert.That(front.InjectedFailures, Is.EqualTo(3));
    }

    [Test]
    public async Task A_429_with_Retry_After_is_waited_out_then_the_request_succeeds()
    {
        await using var registry = ScriptedHttpServer.Start(
            new ScriptedAnswer(HttpStatusCode.TooManyRequests, RetryAfter: "1"), new ScriptedAnswer(HttpStatusCode.OK, "{}"));
        var lines = new List<string>();
        using var client = new OciRegistryClient(registry.BaseUrl.Authority, options: FastRetries, log: lines.Add);

        await client.CheckAsync();

        Assert.That(registry.Received.Select(r => r.Path), Is.EqualTo(new[] { "/v2/", "/v2/" }));
        Assert.That(registry.Received[1].At - registry.Received[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)),
            "the registry's Retry-After (1 s), not the 10 ms backoff");
        Assert.That(lines, Has.One.Contains("429").And.Contains("Retry-After"));
    }

    [Test]
    public void Cancellation_stops_the_retries()
    {
        var port = PortWithNothingListening();
        var options = new OciRegistryClientOptions
        {
            MaxAttempts = 1000, InitialRetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        };
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;
        using var counting = new OciRegistryClient($"127.0.0.1:{port}", options: options, log: _ =>
        {
            if (++attempts == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.CatchAsync<OperationCanceledException>(() => counting.CheckAsync(cancellation.Token));
        Assert.That(attempts, Is.EqualTo(3));
    }

    private static int PortWithNothingListening()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
