using System.Text.Json;
using System.Text.Json.Serialization;
using Release.Engine;
using Release.Foundation.IO;

namespace Release.Delivery.Deploy.Rollout;

/// <summary>
/// The deployment records of an application's modules: <c>DIR/ENV/modules/MODULE.json</c> says which release runs and where
/// (what a failed rollout goes back to), <c>DIR/ENV/rollout.json</c> what the last rollout did. Written atomically.
/// </summary>
internal sealed class RolloutRecords(AbsolutePath directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>The folder of the records.</summary>
    public AbsolutePath Directory => directory;

    /// <summary>What runs for <paramref name="module"/> in <paramref name="environment"/>, or null when nothing was deployed.</summary>
    public async Task<ModuleDeployment?> CurrentAsync(string environment, string module, CancellationToken ct)
    {
        var path = ModulePath(environment, module);
        if (!path.FileExists()) return null;
        try
        {
            return JsonSerializer.Deserialize<ModuleDeployment>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"Rollout: the deployment record {path} is damaged ({e.Message}); it says which release of {module} runs in {environment}. " +
                "Restore it from the last rollout's log, or delete it to treat the module as not deployed.", e);
        }
    }

    /// <summary>Records what now runs for a module.</summary>
    public Task WriteCurrentAsync(string environment, ModuleDeployment deployment, CancellationToken ct) =>
        AtomicFile.WriteTextAsync(ModulePath(environment, deployment.Release.Module), JsonSerializer.Serialize(deployment, Json), ct);

    /// <summary>
    /// Forgets what runs for a module (its instance is gone, e.g. a local deployment stopped when its run ended): the next
    /// rollout deploys it as new, with nothing to go back to.
    /// </summary>
    public void Forget(string environment, string module)
    {
        var path = ModulePath(environment, module);
        if (path.FileExists()) File.Delete(path);
    }

    /// <summary>The last rollout's record, or null when none was written.</summary>
    public async Task<RolloutReport?> ReportAsync(string environment, CancellationToken ct)
    {
        var path = directory / environment / "rollout.json";
        return path.FileExists()
            ? JsonSerializer.Deserialize<RolloutReport>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), Json)
            : null;
    }

    /// <summary>Records what a rollout did.</summary>
    public Task WriteReportAsync(RolloutReport report, CancellationToken ct) =>
        AtomicFile.WriteTextAsync(directory / report.Environment / "rollout.json", JsonSerializer.Serialize(report, Json), ct);

    private AbsolutePath ModulePath(string environment, string module) => directory / environment / "modules" / (module + ".json");
}
