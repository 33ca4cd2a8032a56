using System.Diagnostics;
using Release.Oci.Server;

namespace Release.Oci.Tests;

public class RegistryServerTests
{
    [Test]
    public async Task Starts_on_localhost_with_a_free_port_answers_the_api_and_stops_by_process_id_on_dispose()
    {
        var server = await RegistryServer.StartAsync();
        var processId = server.ProcessId;
        var storage = server.StorageDirectory;
        try
        {
            Assert.That(server.Address, Is.EqualTo($"localhost:{server.Port}"));
            using var http = new HttpClient();
            using var response = await http.GetAsync($"http://127.0.0.1:{server.Port}/v2/");
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.GetValues("Docker-Distribution-API-Version"), Does.Contain("registry/2.0"));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.That(() => Process.GetProcessById(processId).HasExited, Throws.ArgumentException.Or.True,
            "the registry process must be gone after dispose");
        Assert.That(Directory.Exists(storage), Is.False, "the temp storage is deleted with the server");
    }

    [Test]
    public async Task Two_servers_run_side_by_side_on_different_ports()
    {
        await using var first = await RegistryServer.StartAsync();
        await using var second = await RegistryServer.StartAsync();
        Assert.That(first.Port, Is.Not.EqualTo(second.Port));
        Assert.That(first.ProcessId, Is.Not.EqualTo(second.ProcessId));
    }

    [Test]
    public async Task Keeps_a_given_storage_directory_after_dispose()
    {
        var storage = Directory.CreateTempSubdirectory("release-registry-storage-").FullName;
        try
        {
            await using (var server = await RegistryServer.StartAsync(storage))
            {
                using var client = new OciRegistryClient(server.Address);
                await client.PushBlobAsync("kept/blob", "kept"u8.ToArray());
            }

            Assert.That(Directory.EnumerateFiles(storage, "data", SearchOption.AllDirectories), Is.Not.Empty);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Test]
    public async Task Restarts_on_its_preferred_port_and_falls_back_to_a_free_one_when_another_program_holds_it()
    {
        int port;
        await using (var first = await RegistryServer.StartAsync())
            port = first.Port;

        await using (var again = await RegistryServer.StartAsync(preferredPort: port))
            Assert.That(again.Port, Is.EqualTo(port), "the port is free again, so the registry gets its address back");

        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        squatter.Start();
        await using var moved = await RegistryServer.StartAsync(preferredPort: port);
        Assert.That(moved.Port, Is.Not.EqualTo(port));
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://127.0.0.1:{moved.Port}/v2/");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "the registry answers on the port it fell back to");
    }
}
