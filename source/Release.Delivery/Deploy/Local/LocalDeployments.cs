using System.Collections.Concurrent;
using System.Text.Json;
using Release.Engine;
using Release.Foundation.IO;
using Release.Tooling.Processes;

namespace Release.Delivery.Deploy.Local;

/// <summary>
/// The local deployments of one build run (a per-run service): which instance is current per environment, remembered
/// in a state file so later runs can replace it. When the run ends the instances are stopped, unless
/// <c>--keep-running</c> was given: then they stay up and the state file lets the next run or <c>Undeploy</c> stop them.
/// </summary>
internal sealed class LocalDeployments(bool keepRunning, AbsolutePath stateDirectory, IProcessRunner processes, Action<string> log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LocalInstance> _current = new();

    /// <summary>The instance serving <paramref name="key"/> now: this run's, else one an earlier run left running.</summary>
    public async Task<LocalInstance?> CurrentAsync(string key, CancellationToken ct)
    {
        if (_current.TryGetValue(key, out var instance)) return instance;
        var remembered = await ReadStateAsync(stateDirectory, key, ct).ConfigureAwait(false);
        if (remembered is null) return null;
        var candidate = new RememberedInstance(remembered, processes, log);
        return await candidate.IsRunningAsync(ct).ConfigureAwait(false) ? candidate : null;
    }

    /// <summary>Makes <paramref name="instance"/> current, then stops <paramref name="previous"/> (the new one is healthy by now).</summary>
    public async Task ReplaceAsync(string key, LocalInstance instance, LocalInstance? previous, CancellationToken ct)
    {
        _current[key] = instance;
        await WriteStateAsync(key, instance.ToState(), ct).ConfigureAwait(false);
        if (previous is not null)
        {
            log($"Stopping the previous instance ({previous.Description}) at {previous.Url}");
            await previous.StopAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Stops this run's instances, unless they are to keep running.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (key, instance) in _current)
        {
            if (keepRunning)
            {
                log($"Leaving {instance.Description} running at {instance.Url} (--keep-running); stop it with the Undeploy target.");
                continue;
            }
            log($"Stopping {instance.Description} at {instance.Url} (the run is over; pass --keep-running to keep it)");
            await instance.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var state = StatePath(stateDirectory, key);
            if (state.FileExists()) File.Delete(state);
        }
        _current.Clear();
    }

    /// <summary>Stops an instance an earlier run left running; false when there was none.</summary>
    public static async Task<bool> StopRememberedAsync(
        AbsolutePath stateDirectory,
        string key,
        IProcessRunner processes,
        Action<string> log,
        CancellationToken ct)
    {
        var state = await ReadStateAsync(stateDirectory, key, ct).ConfigureAwait(false);
        if (state is null) return false;
        log($"Stopping {state.Kind} {state.Id} at {state.Url}");
        await new RememberedInstance(state, processes, log).StopAsync(ct).ConfigureAwait(false);
        File.Delete(StatePath(stateDirectory, key));
        return true;
    }

    private async Task WriteStateAsync(string key, LocalInstanceState state, CancellationToken ct)
    {
        await AtomicFile.WriteTextAsync(StatePath(stateDirectory, key), JsonSerializer.Serialize(state), ct).ConfigureAwait(false);
    }

    private static async Task<LocalInstanceState?> ReadStateAsync(AbsolutePath stateDirectory, string key, CancellationToken ct)
    {
        var path = StatePath(stateDirectory, key);
        if (!path.FileExists()) return null;
        try
        {
            return JsonSerializer.Deserialize<LocalInstanceState>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false));
        }
        catch (JsonException)
        {
            return null; // a damaged state file only means we cannot find the old instance
        }
    }

    private static AbsolutePath StatePath(AbsolutePath directory, string key) => directory / (key + ".json");
}
