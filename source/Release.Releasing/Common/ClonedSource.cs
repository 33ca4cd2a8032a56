using Release.Pipeline.Records;
using Release.SemVer;

namespace Release.Releasing.Common;

/// <summary>Clone's record and the version it computed: the one source of a module release's version.</summary>
internal static class ClonedSource
{
    /// <summary>Reads Clone's record (a clear error naming Clone when it is missing) and parses its version.</summary>
    public static async Task<(SourceRecord Source, SemanticVersion Version)> ReadAsync(ReleasePaths paths, CancellationToken ct)
    {
        var source = await PipelineRecords.ReadSourceAsync(paths.Stages, ct).ConfigureAwait(false);
        return (source, SemanticVersion.Parse(source.Version, paths.Stages.SourceRecord));
    }
}
