using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Release.Testing;

namespace Release.Testing.Registry;

/// <summary>
/// A real docker-registry requiring Basic authentication (htpasswd) on 127.0.0.1; RegistryServer has no auth option,
/// so this starts the same executable with its own config. User <see cref="User"/>, password <see cref="Password"/>.
/// </summary>
public sealed class AuthenticatedRegistry : IAsyncDisposable
{
    /// <summary>The one user the registry accepts.</summary>
    public const string User = "release";

    /// <summary>That user's password.</summary>
    public const string Password = "s3cret-pass";
    // bcrypt of Password (cost 12), made once with Python's crypt module; htpasswd files hold only the hash.
    private const string Hash = "$2b$12$ScRD9Mxpm4XJ6CqV3uZBPeJamTWf5WFEFeiwGvC7.ImgYKl5mZW7W";

    private readonly TempDirectory _directory;
    private readonly System.Diagnostics.Process _process;

    private AuthenticatedRegistry(TempDirectory directory, System.Diagnostics.Process process, int port)
    {
        _directory = directory;
        _process = process;
        Address = $"localhost:{port}";
    }

    /// <summary><c>localhost:PORT</c>, as image references name it.</summary>
    public string Address { get; }

    /// <summary>Starts the registry (installing docker-registry first when missing) and returns once it asks for credentials.</summary>
    public static async Task<AuthenticatedRegistry> StartAsync()
    {
        await Release.Oci.Server.RegistryServer.EnsureInstalledAsync();
        var directory = new TempDirectory("release-auth-registry");
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        directory.WriteFile("htpasswd", $"{User}:{Hash}\n");
        var config = directory.WriteFile("config.yml", $"""
            version: 0.1
            storage:
              filesystem:
                rootdirectory: "{directory.Combine("storage")}"
            auth:
              htpasswd:
                realm: release-tests
                path: "{directory.Combine("htpasswd")}"
            http:
              addr: 127.0.0.1:{port}
            """);
        var process = System.Diagnostics.Process.Start(new ProcessStartInfo("docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new AuthenticatedRegistry(directory, process, port);
        using var http = new HttpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Ready when /v2/ asks for credentials.
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/v2/", deadline.Token);
                if (response.StatusCode == HttpStatusCode.Unauthorized) return registry;
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
            }
            if (process.HasExited)
            {
                await registry.DisposeAsync();
                throw new InvalidOperationException("docker-registry with htpasswd auth exited at start");
            }
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Stops the registry and deletes its storage.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _directory.Dispose();
    }
}
