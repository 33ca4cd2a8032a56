using System.Globalization;
using Release.Helm.Charts;
using Release.Helm.Packaging;

namespace Release.Helm.Repository;

/// <summary>One chart version in a classic chart repository's index.yaml.</summary>
/// <param name="Name">The chart name.</param>
/// <param name="Version">The chart version (SemVer 2).</param>
/// <param name="AppVersion">The application version, or null.</param>
/// <param name="Digest">The archive's sha256 as 64 hex digits (index.yaml stores it without the <c>sha256:</c> prefix).</param>
/// <param name="Urls">Where the archive can be downloaded, absolute or relative to the index.</param>
/// <param name="Created">When the version was published; passed in so the output is reproducible.</param>
public sealed record ChartIndexEntry(
    string Name, string Version, string? AppVersion, string Digest, IReadOnlyList<string> Urls, DateTimeOffset Created)
{
    /// <summary>The chart format of the packaged chart.</summary>
    public string ApiVersion { get; init; } = "v2";

    /// <summary>The chart description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Builds the entry for a package published at <paramref name="baseUrl"/> (e.g. <c>https://charts.bank.internal/</c>).</summary>
    public static ChartIndexEntry FromPackage(ChartPackage package, ChartMetadata metadata, string baseUrl, DateTimeOffset created)
        => new(package.Name, package.Version, metadata.AppVersion, package.DigestHex,
            [$"{baseUrl.TrimEnd('/')}/{Path.GetFileName(package.Path)}"], created)
        {
            ApiVersion = metadata.ApiVersion,
            Description = metadata.Description,
        };

    /// <summary>Formats a time as index.yaml does: RFC 3339 in UTC, fractional seconds only when present.</summary>
    public static string FormatTime(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
