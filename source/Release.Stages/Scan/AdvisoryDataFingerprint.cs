using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Release.Scanning.Sources.Trivy;

namespace Release.Stages.Scan;

/// <summary>
/// What a scan's verdict depends on besides the image: the advisory data and the allowlist. Scan tracks it, so it is up
/// to date only while both are as they were at its last success.
/// </summary>
internal static class AdvisoryDataFingerprint
{
    /// <summary>A hash that changes whenever the data the scan would read may have changed.</summary>
    public static async Task<string> ComputeAsync(IScan build, CancellationToken ct)
    {
        var parts = new List<string>();
        // NuGet audit sources and Trivy's database change at any moment and cannot be asked cheaply whether they did:
        // with one of them configured, every run scans.
        if (build.AuditSources is { Length: > 0 } || TrivyExecutableLocator.Find(build.Context.Environment.GetValueOrDefault("PATH")) is not null)
            parts.Add("remote sources, read at " + DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        // A mirror is refreshed by replacing files (UpdateAdvisories swaps whole folders), so names, sizes and times
        // tell a change without reading every document.
        if (build.OsvDirectory is { } osv && osv.DirectoryExists())
        {
            foreach (var file in Directory.EnumerateFiles(osv, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                parts.Add($"{Path.GetRelativePath(osv, file)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
            }
        }
        if (build.Allowlist is { } allowlist && allowlist.FileExists())
            parts.Add("allowlist " + Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(allowlist, ct).ConfigureAwait(false))));
        // Allowlist entries expire and a copy of advisory data ages: yesterday's accepted finding or clean verdict may
        // not hold today.
        if (parts.Count > 0)
            parts.Add("day " + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
    }
}
