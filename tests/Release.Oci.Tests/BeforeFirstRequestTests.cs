using Release.Foundation.Oci;
using Release.Oci.Server;

namespace Release.Oci.Tests;

/// <summary>The hook that lets a caller bring a registry up on demand, just before a client first talks to it.</summary>
public class BeforeFirstRequestTests
{
    [Test]
    public async Task Runs_once_with_the_registry_address_before_the_first_request_and_again_only_after_a_failure()
    {
        await using var server = await RegistryServer.StartAsync();
        var calls = new List<string>();
        var failNext = true;
        var options = new OciRegistryClientOptions
        {
            BeforeFirstRequest = (address, _) =>
            {
                calls.Add(address);
                if (!failNext) return Task.CompletedTask;
                failNext = false;
                return Task.FromException(new InvalidOperationException("not up yet"));
            },
        };
        using var client = new OciRegistryClient(server.Address, options: options);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => client.ListTagsAsync("app/hook"));
        Assert.That(error!.Message, Is.EqualTo("not up yet"), "a failed preparation fails the request with its own error");

        await client.PushBlobAsync("app/hook", "hook"u8.ToArray());
        Assert.That(await client.BlobExistsAsync("app/hook", OciDigest.Compute("hook"u8.ToArray())), Is.True);
        Assert.That(calls, Is.EqualTo(new[] { server.Address, server.Address }), "tried again after the failure, then never more");
    }
}
