using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;
using Release.Engine.Parameters;
using Release.Engine.Planning;
using Release.Foundation.IO;

namespace Release.Engine.Incremental;

/// <summary>
/// Decides whether a target is up to date: the hash of its inputs, the parameters it reads and the tool versions it
/// tracks must equal the hash stored at its last success, and every output glob must still match a file.
/// The parameters are those the target read at its last success (recorded with it; see <see cref="ParameterReads"/>),
/// so a parameter it never reads does not make it run; one it reads does, and if a changed value makes it read
/// others, the run records those. State lives in <c>.nuke/temp/state</c>, one small JSON file per target.
/// </summary>
internal sealed class IncrementalCache(AbsolutePath root, ParameterValues parameters)
{
    private AbsolutePath StateDirectory => root / ".nuke" / "temp" / "state";

    /// <summary>Only targets that say what they read and what they write can be skipped.</summary>
    public static bool Applies(ExecutableTarget target) =>
        target.Definition.ProducedGlobs.Count > 0 && (target.Definition.ConsumedGlobs.Count > 0 || target.Consumes.Count > 0);

    /// <summary>
    /// The hash of the target's inputs, of the parameters <paramref name="parameterNames"/> gives (called once the tracked
    /// tool versions are read, since reading them may read parameters too) and of its tool versions.
    /// </summary>
    /// <returns>The hash, and the parameters it covers (those to record with a success).</returns>
    public async Task<(string Hash, IReadOnlyList<string> Parameters)> ComputeHashAsync(ExecutableTarget target,
        Func<IReadOnlyList<string>> parameterNames, CancellationToken cancellationToken)
    {
        var tools = new List<string>();
        foreach (var (tool, version) in target.Definition.ToolVersions)
            tools.Add($"tool:{tool}={await version(cancellationToken).ConfigureAwait(false)}");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        Add("target:" + target.Name);
        var globs = target.Definition.ConsumedGlobs
            .Concat(target.Consumes.SelectMany(c => c.Globs.Count > 0 ? c.Globs : c.Producer.Definition.ProducedGlobs));
        foreach (var file in Match(globs))
        {
            Add("file:" + file);
            var stream = File.OpenRead(root / file);
            await using var streamDisposal = stream.ConfigureAwait(false);
            Add(Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)));
        }
        var keyed = KeyedParameters(target, parameterNames());
        foreach (var (name, text) in parameters.FingerprintOf(keyed))
            Add($"parameter:{name}{text}");
        foreach (var tool in tools) Add(tool);
        return (Convert.ToHexString(hash.GetHashAndReset()), keyed);
    }

    /// <summary>
    /// The parameters a target is keyed on: those it read (<paramref name="read"/>: while it ran, or at its last success),
    /// those read while it was defined, and every parameter the engine injects into the build's fields, whose reads
    /// cannot be seen.
    /// </summary>
    public IReadOnlyList<string> KeyedParameters(ExecutableTarget target, IEnumerable<string> read) =>
        read.Concat(target.Definition.DefinitionReads.Names)
            .Concat(parameters.Descriptors.Where(d => d.IsInjectable).Select(d => d.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The parameters the target read in its last success, or null when it has not succeeded (or in an older engine).</summary>
    public async Task<IReadOnlyList<string>?> RecordedReadsAsync(ExecutableTarget target, CancellationToken cancellationToken) =>
        (await ReadStateAsync(target, cancellationToken).ConfigureAwait(false))?.Parameters;

    /// <summary>
    /// The key figures the target reported at its last success when it is up to date (an up-to-date target still shows
    /// the digest or coverage its outputs stand for); null when it must run.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Value)>?> UpToDateFiguresAsync(
        ExecutableTarget target,
        string hash,
        CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(target, cancellationToken).ConfigureAwait(false);
        if (state?.Hash != hash || !target.Definition.ProducedGlobs.All(glob => Match([glob]).Any())) return null;
        return (state.Figures ?? []).Where(f => f.Length == 2).Select(f => (f[0], f[1])).ToList();
    }

    /// <summary>Records a success: the hash, the key figures (already masked) the target reported and the parameters it read.</summary>
    public async Task RecordSuccessAsync(
        ExecutableTarget target,
        string hash,
        IReadOnlyList<(string Key, string Value)> figures,
        IReadOnlyList<string> parametersRead,
        CancellationToken cancellationToken)
    {
        var state = new TargetState
        {
            Hash = hash, Figures = figures.Select(f => new[] { f.Key, f.Value }).ToList(), Parameters = [.. parametersRead],
        };
        await AtomicFile.WriteTextAsync(StateDirectory / (target.Name + ".json"), JsonSerializer.Serialize(state), cancellationToken)
            .ConfigureAwait(false);
    }

    private sealed class TargetState
    {
        [System.Text.Json.Serialization.JsonPropertyName("hash")] public string? Hash { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("figures")] public List<string[]>? Figures { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("parameters")] public List<string>? Parameters { get; set; }
    }

    private async Task<TargetState?> ReadStateAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        var file = StateDirectory / (target.Name + ".json");
        if (!file.FileExists()) return null;
        try { return JsonSerializer.Deserialize<TargetState>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)); }
        catch (JsonException) { return null; } // a state file from an older engine or cut short: run, and write it anew
    }

    private IEnumerable<string> Match(IEnumerable<string> globs)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        var any = false;
        foreach (var glob in globs) { matcher.AddInclude(glob); any = true; }
        if (!any) return [];
        return matcher.GetResultsInFullPath(root).Select(p => new AbsolutePath(p).RelativeTo(root)).Order(StringComparer.Ordinal).ToList();
    }
}
