using Release.Containers.Running;
using Release.Testing.Network;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.Support;

/// <summary>
/// A web image run under podman on the host network (ASP.NET Core listening on a free loopback port) once its
/// <c>/health</c> answers; disposing removes the container.
/// </summary>
internal sealed class ServingContainer : IAsyncDisposable
{
    private ServingContainer(ContainerRunner podman, string name, string id, int port)
    {
        Podman = podman;
        Name = name;
        Id = id;
        Port = port;
    }

    /// <summary>The podman the container runs under.</summary>
    public ContainerRunner Podman { get; }

    /// <summary>The container's name.</summary>
    public string Name { get; }

    /// <summary>The container's id.</summary>
    public string Id { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Where it answers.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>Runs <paramref name="image"/> and waits until its <c>/health</c> answers (failing early if it stops).</summary>
    public static async Task<ServingContainer> StartAsync(string image, string namePrefix, CancellationToken cancellationToken = default)
    {
        var podman = await ContainerRunner.CreatePodmanAsync(new ProcessRunner(), TestLog.Write, cancellationToken: cancellationToken);
        var port = FreePort.Next();
        var name = $"{namePrefix}-{Guid.NewGuid():N}";
        var id = await podman.RunDetachedAsync(new ContainerRunSettings(image)
        {
            Name = name,
            HostNetwork = true,
            TlsVerify = false,
            Environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" },
        }, cancellationToken);
        var container = new ServingContainer(podman, name, id, port);
        try
        {
            await HttpReadiness.WaitAsync(new Uri(container.BaseUrl, "/health"), TimeSpan.FromSeconds(60),
                async ct => (await podman.InspectAsync(id, ct)).Running, cancellationToken);
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await Podman.RemoveAsync(Name);
}
