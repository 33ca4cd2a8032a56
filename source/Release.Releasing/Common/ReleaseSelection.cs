using Release.Engine;
using Release.Process.Versioning;
using Release.SemVer;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Common;

/// <summary>The release a target acts on: its version and its id (<c>MODULE-VERSION</c>).</summary>
/// <param name="Module">The module.</param>
/// <param name="Version">The version.</param>
public sealed record ReleaseSelection(string Module, SemanticVersion Version)
{
    /// <summary>The release id, e.g. <c>director-1.4.0</c>.</summary>
    public string Id => $"{Module}-{Version}";

    /// <summary>The id of another version of the same module.</summary>
    public string IdOf(SemanticVersion version) => $"{Module}-{version}";

    /// <summary>
    /// <c>--release</c> when given, else the version this build computed (Version target, else Clone's record).
    /// </summary>
    /// <exception cref="ReleaseRefusedException">No version anywhere, or <c>--release</c> is not a version.</exception>
    public static async Task<ReleaseSelection> ResolveAsync(IReleaseProcess build, CancellationToken ct)
    {
        var text = build.Release?.Trim();
        var from = "--release";
        if (text is not null && string.IsNullOrWhiteSpace(text))
            throw new BuildInputException(
                "--release is empty: pass the version to act on, e.g. --release 1.4.0, or leave it out for the version this build computed.");
        if (string.IsNullOrEmpty(text))
        {
            var paths = build.ReleasePaths;
            // Clone's record is the source of the version; version.json (its copy) serves jobs that were handed only that.
            if (paths.Stages.SourceRecord.FileExists())
                (text, from) = ((await PipelineRecords.ReadSourceAsync(paths.Stages, ct).ConfigureAwait(false))
                    .Version, paths.Stages.SourceRecord.ToString());
            else if (paths.VersionRecord.FileExists())
                (text, from) = ((await StageRecord.ReadAsync<VersionRecord>(paths.VersionRecord, "Version", ct).ConfigureAwait(false)).Version, paths
                    .VersionRecord
                    .ToString());
            else
                throw new ReleaseRefusedException(
                    $"No release given: pass --release VERSION (e.g. --release 1.4.0), or run Clone/Version first so {paths.VersionRecord} exists.");
        }
        var version = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        if (!SemanticVersion.TryParse(version, out var parsed, out var error))
            throw new BuildInputException($"Release '{text}' (from {from}) is not a SemVer version: {error}. Pass e.g. --release 1.4.0.");
        return new ReleaseSelection(build.Module, parsed!);
    }
}
