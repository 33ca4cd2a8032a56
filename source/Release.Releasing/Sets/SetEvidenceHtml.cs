using System.Net;
using System.Text;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;

namespace Release.Releasing.Sets;

/// <summary>
/// The HTML summary page of an application release's bundle: the set, each module's pin and where its results came
/// from, the findings, the votes, the blessing, promotions and rollbacks. Every value is encoded.
/// </summary>
internal static class SetEvidenceHtml
{
    public static string Render(ReleaseManifest set, ReleaseRecord trusted, IReadOnlyList<ModuleEvidence> modules, IReadOnlyList<string> findings)
    {
        static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence ").Append(E(SetRecords.ReleaseId(set)))
            .Append("</title></head><body>\n<h1>Application release evidence: ").Append(E($"{set.Application} {set.Version}")).Append("</h1>\n");
        html.Append("<p>Set <code>").Append(E(set.Digest)).Append("</code> (the SHA-256 of set/release-manifest.txt)</p>\n");
        html.Append("<h2>Modules</h2>\n<table><tr><th>Module</th><th>Version</th><th>Image</th><th>Chart</th><th>Change</th><th>Built in</th>")
            .Append("<th>Results from</th></tr>\n");
        foreach (var m in modules)
            html.Append("<tr><td>").Append(E(m.Module)).Append("</td><td>").Append(E(m.Version)).Append("</td><td><code>").Append(E(m.ImageDigest))
                .Append("</code></td><td><code>").Append(E(m.ChartDigest)).Append("</code></td><td>").Append(E(m.Change)).Append("</td><td>")
                .Append(E(m.BuiltIn)).Append("</td><td>").Append(E(m.ResultsFrom ?? "none found")).Append("</td></tr>\n");
        html.Append("</table>\n<h2>Findings</h2>\n<ul>\n");
        foreach (var finding in findings) html.Append("<li>").Append(E(finding)).Append("</li>\n");
        if (findings.Count == 0) html.Append("<li>None: every module's results are here.</li>\n");
        html.Append("</ul>\n<h2>Votes</h2>\n<ul>\n");
        foreach (var vote in trusted.Votes())
            html.Append("<li>").Append(E($"{vote.Environment}: {vote.Role.Name} {vote.Voter} {vote.Decision} at {vote.CastAt:O}: {vote.Reason}"))
                .Append("</li>\n");
        html.Append("</ul>\n<h2>Blessing, promotions and rollbacks</h2>\n<ul>\n");
        foreach (var @event in trusted.Events)
        {
            var text = @event switch
            {
                ReleaseBlessed b => $"Blessed: set {b.ImageDigest}",
                ReleasePromoted p => $"Promoted to {p.Environment} by {p.By}: {p.ImageDigest}",
                ReleaseRolledBack r => $"{r.Environment} rolled back to {r.ToVersion} by {r.By}",
                _ => null,
            };
            if (text is not null) html.Append("<li>").Append(E(@event.At.ToString("O"))).Append(' ').Append(E(text)).Append("</li>\n");
        }
        html.Append("</ul>\n<p>Every file of this folder is listed with its SHA-256 in manifest.json, linked into the evidence hash chain kept ")
            .Append("with the release records. Check with <code>./build.sh VerifyEvidenceSet --set ").Append(E(set.Version)).Append("</code>.</p>\n")
            .Append("</body></html>\n");
        return html.ToString();
    }
}
