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
}
