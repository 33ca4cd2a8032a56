using System.Globalization;
using Release.Engine;
using Release.Scanning.Sources.Osv;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Scan;

/// <summary>
/// Refreshes the OSV advisory folder Scan reads (<see cref="IScan.OsvDirectory"/>) from a mirror of OSV's bucket, so
/// the quality gate's scan-freshness rule sees current data: <c>./build.sh UpdateAdvisories</c>, typically on a schedule
/// or before a release. A bank points <see cref="AdvisoryMirror"/> at its internal copy.
/// </summary>
public interface IUpdateAdvisories : IScan
{
    /// <summary>The mirror's root URL; it serves <c>ECOSYSTEM/all.zip</c> as OSV's public bucket does.</summary>
    [Parameter("OSV mirror root URL serving ECOSYSTEM/all.zip (default: OSV's public bucket, https://osv-vulnerabilities.storage.googleapis.com)")]
    [Pattern(ParameterForms.HttpUrl, "an http(s) URL of the mirror's root, like https://osv-vulnerabilities.storage.googleapis.com")]
    string AdvisoryMirror => TryGetValue(() => AdvisoryMirror) ?? OsvMirrorSync.PublicMirror.AbsoluteUri;

    /// <summary>The OSV ecosystems to sync: what the module's SBOMs hold (default NuGet and Debian:12).</summary>
    [Parameter("OSV ecosystems to sync into --osv-directory (default: NuGet, Debian:12)")]
    string[] AdvisoryEcosystems => TryGetValue(() => AdvisoryEcosystems) ?? ["NuGet", "Debian:12"];

    /// <summary>Downloads each ecosystem's advisories and swaps them into the OSV folder; nothing changes when one fails.</summary>
    Target UpdateAdvisories => _ => _
        .Description("Refreshes the OSV advisory folder (--osv-directory) from an OSV mirror (--advisory-mirror)")
        .Requires(() => OsvDirectory)
        // Asked for together, the folder is swapped before the scan reads it, never while it does.
        .TryBefore<IScan>(x => x.Scan)
        .Executes(async ct =>
        {
            if (!Uri.TryCreate(AdvisoryMirror, UriKind.Absolute, out var mirror) || (mirror.Scheme != "http" && mirror.Scheme != "https"))
                throw new BuildInputException($"UpdateAdvisories: --advisory-mirror '{AdvisoryMirror}' is not an http(s) URL. Pass the mirror's " +
                    $"root URL, e.g. {OsvMirrorSync.PublicMirror}.");
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            IReadOnlyDictionary<string, int> counts;
            try
            {
                counts = await new OsvMirrorSync(http, Log.Information).SyncAsync(mirror, AdvisoryEcosystems, OsvDirectory!,
                    ct).ConfigureAwait(false);
            }
            catch (OsvMirrorException e)
            {
                throw new InvalidOperationException($"UpdateAdvisories (--advisory-mirror, --advisory-ecosystems): {e.Message} Nothing in " +
                    $"{OsvDirectory} was replaced.", e);
            }
            var asOf = await AdvisoryDataAsOf.ReadOsvFolderAsync(OsvDirectory!, ct).ConfigureAwait(false);
            ReportSummary("advisories", string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}"))));
            ReportSummary("data as of", asOf is { } date ? date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "no dates in " +
                "the documents");
        });
}
