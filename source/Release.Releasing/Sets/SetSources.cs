using Release.Engine;
using Release.Oci;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;
using Release.Process.Applications.Releases;

namespace Release.Releasing.Sets;

/// <summary>Where one module's pinned image and chart are copied from, by digest.</summary>
/// <param name="Module">The module.</param>
/// <param name="Pin">What is copied.</param>
/// <param name="Image">The image, by digest.</param>
/// <param name="Chart">The chart, by digest.</param>
/// <param name="From">Where that is, for the log: this pipeline's push, or an environment.</param>
internal sealed record ModuleSource(string Module, ModulePin Pin, OciReference Image, OciReference Chart, string From);

/// <summary>
/// Decides where each module of a set comes from when it reaches an environment, as the one-module promotion does: into
/// a later step only from the step before it (what ran there, by digest: production takes what pre-prod ran), into the
/// first step from this pipeline's Push and Chart when they pushed exactly the pinned digests, else from an environment
/// of the chain that holds them (a module carried from an earlier set). Decided for every module before anything is
/// copied, so a refusal leaves nothing half-promoted.
/// </summary>
internal sealed class SetSources(
    IReleaseSets build, string registry, SetChain chain, IReadOnlyDictionary<string, (PushRecord Push, ChartRecord? Chart)> pipeline)
{
    /// <summary>What this pipeline pushed, per module (modules without a Push record are left out).</summary>
    public static async Task<IReadOnlyDictionary<string, (PushRecord Push, ChartRecord? Chart)>> PipelineAsync(
        IReleaseSets build, CancellationToken ct)
    {
        var pushed = new Dictionary<string, (PushRecord, ChartRecord?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in build.Application.Graph.Order)
        {
            var paths = new PipelinePaths(build.RootDirectory, module);
            if (!paths.PushRecord.FileExists()) continue;
            pushed[module] = (await StageRecord.ReadAsync<PushRecord>(paths.PushRecord, "Push", ct).ConfigureAwait(false),
                await PipelineRecords.TryReadChartAsync(paths, ct).ConfigureAwait(false));
        }
        return pushed;
    }

    /// <summary>
    /// The source of each of <paramref name="modules"/> of <paramref name="set"/> for <paramref name="environment"/>, in their order.
    /// </summary>
    /// <exception cref="BuildInputException">A module's pinned digests are nowhere they may come from; the message names the module and
    /// the fix.</exception>
    public async Task<IReadOnlyList<ModuleSource>> ForAsync(
        string environment, ReleaseManifest set, IReadOnlyList<string> modules, CancellationToken ct)
    {
        var step = chain.StepIndexOf(environment);
        var holders = step > 0 ? chain.Steps[step - 1].Environments
            : chain.Steps.SelectMany(s => s.Environments).Where(e => e != environment).ToList();
        using var client = build.RegistryConnections.Target(registry);
        var sources = new List<ModuleSource>();
        var problems = new List<string>();
        foreach (var module in modules)
        {
            var pin = set.PinOf(module)!;
            if (step == 0 && pipeline.TryGetValue(module, out var built) && built.Push.Digest == pin.ImageDigest.Value
                && built.Chart?.ManifestDigest == pin.ChartDigest.Value)
            {
                sources.Add(new ModuleSource(module, pin, built.Push.Image.WithTag(null).WithDigest(pin.ImageDigest.Value),
                    built.Chart.Chart.WithTag(null).WithDigest(pin.ChartDigest.Value), "this pipeline's Push and Chart"));
                continue;
            }
            string? holder = null;
            foreach (var candidate in holders)
            {
                if (await HoldsAsync(client, SetRepositories.Image(candidate, module), pin.ImageDigest.Value, ct).ConfigureAwait(false)
                    && await HoldsAsync(client, SetRepositories.Chart(candidate, module), pin.ChartDigest.Value, ct).ConfigureAwait(false))
                {
                    holder = candidate;
                    break;
                }
            }
            if (holder is null)
            {
                problems.Add($"module '{module}' {pin.Identity} of {set.Title} is in none of the places it may come from into '{environment}' (" +
                             (step > 0
                                 ? $"the step before: {string.Join(", ", holders)}"
                                 : "this pipeline's Push and Chart, or another environment") +
                             $" in {registry}). Promote the set to the step before first, or push the module again with Push and Chart.");
                continue;
            }
            sources.Add(new ModuleSource(module, pin,
                new OciReference(registry, SetRepositories.Image(holder, module), digest: pin.ImageDigest.Value),
                new OciReference(registry, SetRepositories.Chart(holder, module), digest: pin.ChartDigest.Value), $"'{holder}'"));
        }
        if (problems.Count > 0) throw new BuildInputException("PromoteSet:\n- " + string.Join("\n- ", problems));
        return sources;
    }

    /// <summary>What of <paramref name="set"/>'s pins <paramref name="environment"/>'s own repositories do not hold, one line a digest.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(string environment, ReleaseManifest set, CancellationToken ct)
    {
        using var client = build.RegistryConnections.Target(registry);
        var missing = new List<string>();
        foreach (var pin in set.Modules)
        {
            var image = SetRepositories.Image(environment, pin.Module);
            var chart = SetRepositories.Chart(environment, pin.Module);
            if (!await HoldsAsync(client, image, pin.ImageDigest.Value, ct).ConfigureAwait(false))
                missing.Add($"{registry}/{image}@{pin.ImageDigest} is missing");
            if (!await HoldsAsync(client, chart, pin.ChartDigest.Value, ct).ConfigureAwait(false))
                missing.Add($"{registry}/{chart}@{pin.ChartDigest} is missing");
        }
        return missing;
    }

    private static async Task<bool> HoldsAsync(OciRegistryClient client, string repository, string digest, CancellationToken ct) =>
        await RegistryErrors.Explain("PromoteSet", $"looking for {repository}@{digest}", "--promotion-registry",
            () => client.ResolveDigestAsync(repository, digest, ct)).ConfigureAwait(false) is not null;
}
