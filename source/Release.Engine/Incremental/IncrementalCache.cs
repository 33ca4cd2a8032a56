using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;
using Release.Engine.Parameters;
using Release.Engine.Planning;
using Release.Foundation.IO;

namespace Release.Engine.Incremental;

/// <summary>
/// Decides whether a target is up to date: the hash of its inputs, the parameters and the tool versions it tracks
/// must equal the hash stored at its last success, and every output glob must still match a file.
/// State lives in <c>.nuke/temp/state</c>, one small JSON file per target.
/// </summary>
internal sealed class IncrementalCache(AbsolutePath root, ParameterValues parameters)
{
    private AbsolutePath StateDirectory => root / ".nuke" / "temp" / "state";

    /// <summary>Only targets that say what they read and what they write can be skipped.</summary>
    public static bool Applies(ExecutableTarget target) =>
        target.Definition.ProducedGlobs.Count > 0 && (target.Definition.ConsumedGlobs.Count > 0 || target.Consumes.Count > 0);

    public async Task<string> ComputeHashAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
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
        foreach (var (name, text) in parameters.Fingerprint())
            Add($"parameter:{name}={text}");
        foreach (var (tool, version) in target.Definition.ToolVersions)
            Add($"tool:{tool}={await version(cancellationToken).ConfigureAwait(false)}");
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The key figures the target reported at its last success when it is up to date (an up-to-date target still shows
    /// the digest or coverage its outputs stand for); null when it must run.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Value)>?> UpToDateFiguresAsync(
        ExecutableTarget target,
        string hash,
        CancellationToken cancellationToken)
    {
        var file = StateDirectory / (target.Name + ".json");
        if (!file.FileExists()) return null;
        TargetState? state;
        try { state = JsonSerializer.Deserialize<TargetState>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)); }
        catch (JsonException) { return null; } // a state file from an older engine or cut short: run, and write it anew
        if (state?.Hash != hash || !target.Definition.ProducedGlobs.All(glob => Match([glob]).Any())) return null;
        return (state.Figures ?? []).Where(f => f.Length == 2).Select(f => (f[0], f[1])).ToList();
    }

    /// <summary>Records a success: the hash and the key figures (already masked) the target reported.</summary>
    public async Task RecordSuccessAsync(
        ExecutableTarget target,
        string hash,
        IReadOnlyList<(string Key, string Value)> figures,
        CancellationToken cancellationToken)
    {
        var state = new TargetState { Hash = hash, Figures = figures.Select(f => new[] { f.Key, f.Value }).ToList() };
        await AtomicFile.WriteTextAsync(StateDirectory / (target.Name + ".json"), JsonSerializer.Serialize(state), cancellationToken)
            .ConfigureAwait(false);
    }

    private sealed class TargetState
    {
        [System.Text.Json.Serialization.JsonPropertyName("hash")] public string? Hash { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("figures")] public List<string[]>? Figures { get; set; }
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
