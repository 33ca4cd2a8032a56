using System.Security.Cryptography;
using Release.Helm.Charts;
using Release.Foundation.IO;
using Release.Helm.Linting;

namespace Release.Helm.Packaging;

/// <summary>
/// Packages a chart folder into <c>NAME-VERSION.tgz</c> (a gzip'd tar whose top folder is NAME/), reproducibly: the same
/// files and the same <c>modificationTime</c> give the same bytes, so the same digest, on any machine running the same
/// .NET runtime (the deflate encoder comes with the runtime). Chart.yaml comes first, then the other files in ordinal
/// path order; .helmignore patterns are applied; the chart must lint without errors.
/// </summary>
public sealed class ChartPackager
{
    private readonly ChartLinter _linter = new();

    /// <summary>Packages <paramref name="chartDirectory"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="chartDirectory">The chart folder (holding Chart.yaml).</param>
    /// <param name="outputDirectory">Where the .tgz goes; created if missing. The file is written atomically.</param>
    /// <param name="modificationTime">The time stamped on every entry: pass the commit time or SOURCE_DATE_EPOCH, never "now".</param>
    /// <param name="cancellationToken">Cancels the work; no partial archive is left behind.</param>
    /// <exception cref="ChartLintException">The chart has lint errors (all findings listed).</exception>
    public async Task<ChartPackage> PackageAsync(
        string chartDirectory, string outputDirectory, DateTimeOffset modificationTime, CancellationToken cancellationToken = default)
    {
        await _linter.EnsureValidAsync(chartDirectory, cancellationToken).ConfigureAwait(false);
        var metadata = await ChartMetadata.LoadAsync(chartDirectory, cancellationToken).ConfigureAwait(false);
        var outputPath = Path.GetFullPath(Path.Combine(outputDirectory, $"{metadata.Name}-{metadata.Version}.tgz"));

        var entries = new List<(string EntryName, byte[] Content)>();
        foreach (var relative in await SelectFilesAsync(chartDirectory, outputPath, cancellationToken).ConfigureAwait(false))
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(chartDirectory, relative), cancellationToken).ConfigureAwait(false);
            entries.Add(($"{metadata.Name}/{relative}", content));
        }

        var tar = await ReproducibleTar.WriteAsync(entries, modificationTime, cancellationToken).ConfigureAwait(false);
        var archive = DeterministicGzip.Compress(tar);
        cancellationToken.ThrowIfCancellationRequested();
        await AtomicFile.WriteBytesAsync(outputPath, archive, cancellationToken).ConfigureAwait(false);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(archive));
        return new ChartPackage(outputPath, metadata.Name, metadata.Version, digest, archive.LongLength);
    }

    /// <summary>The chart-relative paths to package: Chart.yaml first, then the rest in ordinal order, minus ignored files.</summary>
    internal static async Task<IReadOnlyList<string>> SelectFilesAsync(
        string chartDirectory, string? excludedPath, CancellationToken cancellationToken)
    {
        var ignorePath = Path.Combine(chartDirectory, ".helmignore");
        var ignore = File.Exists(ignorePath)
            ? HelmIgnore.Parse(await File.ReadAllTextAsync(ignorePath, cancellationToken).ConfigureAwait(false))
            : HelmIgnore.Empty;
        return Directory.EnumerateFiles(chartDirectory, "*", SearchOption.AllDirectories)
            .Where(path => excludedPath is null || Path.GetFullPath(path) != excludedPath)
            .Select(path => Path.GetRelativePath(chartDirectory, path).Replace('\\', '/'))
            // Left-over temporary files of an interrupted atomic write are never part of a chart.
            .Where(relative => !ignore.IsIgnored(relative) && !AtomicFile.IsTemporary(relative))
            .OrderBy(relative => relative == "Chart.yaml" ? 0 : 1)
            .ThenBy(relative => relative, StringComparer.Ordinal)
            .ToList();
    }
}
