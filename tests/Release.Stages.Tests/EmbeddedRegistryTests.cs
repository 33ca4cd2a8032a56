using System.Net;
using System.Net.Sockets;
using Release.Testing;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Tests;

/// <summary>
/// The embedded registry keeps its address across runs, so records of an earlier run (image.json, push.json, charts)
/// still name a registry that holds the image; and it starts only for addresses that are its own.
/// </summary>
public class EmbeddedRegistryTests
{
    [Test]
    public async Task A_later_run_restarts_it_on_the_remembered_address_when_a_record_names_it()
    {
        using var storage = new TempDirectory("release-embedded-registry");
        string address;
        await using (var first = new EmbeddedRegistry(storage.Path, _ => { }))
        {
            Assert.That(first.RememberedAddress, Is.Null, "never started");
            address = await first.GetAddressAsync(CancellationToken.None);
        }
        Assert.That(await AnswersAsync(address), Is.False, "stopped with its run");

        await using var later = new EmbeddedRegistry(storage.Path, _ => { });
        Assert.That(later.RememberedAddress, Is.EqualTo(address));
        await later.EnsureRunningAsync("registry.example.internal:5000", CancellationToken.None);
        Assert.That(await AnswersAsync(address), Is.False, "another registry's address does not start it");

        await later.EnsureRunningAsync(address, CancellationToken.None);
        Assert.That(await AnswersAsync(address), Is.True);
        Assert.That(await later.GetAddressAsync(CancellationToken.None), Is.EqualTo(address));
    }

    [Test]
    public async Task When_another_program_holds_its_port_a_record_naming_the_old_address_is_refused_with_the_fix()
    {
        using var storage = new TempDirectory("release-embedded-registry");
        string address;
        await using (var first = new EmbeddedRegistry(storage.Path, _ => { }))
            address = await first.GetAddressAsync(CancellationToken.None);
        using var squatter = new TcpListener(IPAddress.Loopback, int.Parse(address.Split(':')[1]));
        squatter.Start();

        var lines = new List<string>();
        await using var later = new EmbeddedRegistry(storage.Path, lines.Add);
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => later.EnsureRunningAsync(address, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain($"name the embedded registry at {address}").And.Contain("./build.sh --force"));
        Assert.That(later.RememberedAddress, Is.Not.EqualTo(address), "the new port is remembered for the next run");
        Assert.That(lines, Has.Some.Contains("is taken by another program"));
    }

    private static async Task<bool> AnswersAsync(string address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{address.Split(':')[1]}/v2/");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
