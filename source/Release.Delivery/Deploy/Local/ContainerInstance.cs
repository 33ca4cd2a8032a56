using Release.Containers.Running;

namespace Release.Delivery.Deploy.Local;

/// <summary>A local deployment running as a podman or docker container.</summary>
internal sealed class ContainerInstance(ContainerRunner runner, string name, string url, string? image = null, string? containerId = null)
    : LocalInstance(url, $"{runner.Engine.ToString().ToLowerInvariant()} container {name}")
{
    public string Name => name;

    public override async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        try
        {
            return (await runner.InspectAsync(name, ct).ConfigureAwait(false)).Running;
        }
        catch (ContainerRunException)
        {
            return false; // removed or never created
        }
    }

    public override Task StopAsync(CancellationToken ct) => runner.RemoveAsync(name, ct);

    public override async Task<IReadOnlyList<string>> RecentOutputAsync(CancellationToken ct)
    {
        try
        {
            return (await runner.LogsAsync(name, ct).ConfigureAwait(false)).TakeLast(15).ToList();
        }
        catch (ContainerRunException e)
        {
            return [e.Message];
        }
    }

    public override LocalInstanceState ToState() => new(runner.Engine.ToString().ToLowerInvariant(), name, Url, null, image, containerId);
}
