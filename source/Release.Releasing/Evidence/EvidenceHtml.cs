using System.Net;
using System.Text;
using Release.Process.Approvals;
using Release.Releasing.Approvals;

namespace Release.Releasing.Evidence;

/// <summary>The evidence bundle's HTML summary page: release, votes, checklist, digests, timings. Every value is encoded.</summary>
internal static class EvidenceHtml
{
    public static string Render(IEvidence build, ReleaseRecord record, IReadOnlySet<string> evidence)
    {
        static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");
        var created = record.Created;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence ").Append(E(record.ReleaseId))
            .Append("</title></head><body>\n");
        html.Append("<h1>Release evidence: ").Append(E(record.ReleaseId)).Append("</h1>\n<ul>\n");
        html.Append("<li>Version ").Append(E(created.Version)).Append(", commit <code>").Append(E(created.Commit)).Append("</code> on ")
            .Append(E(created.Branch))
            .Append("</li>\n");
        html.Append("<li>Triggered by ").Append(E(created.TriggeredBy)).Append(" at ").Append(E(created.At.ToString("O"))).Append("</li>\n");
        html.Append("<li>Authors (no Go vote allowed): ").Append(E(string.Join(", ", created.Authors))).Append("</li>\n</ul>\n");
        html.Append("<h2>Votes</h2>\n<table><tr><th>Gate</th><th>Role</th><th>Voter</th><th>Decision</th><th>Reason</th><th>At</th></tr>\n");
        foreach (var vote in record.Votes())
            html.Append("<tr><td>").Append(E(vote.Environment)).Append("</td><td>").Append(E(vote.Role)).Append("</td><td>").Append(E(vote.Voter))
                .Append("</td><td>").Append(E(vote.Decision)).Append("</td><td>").Append(E(vote
                    .Reason)).Append("</td><td>").Append(E(vote.CastAt.ToString("O"))).Append("</td></tr>\n");
        html.Append("</table>\n<h2>Gates and checklist</h2>\n");
        foreach (var gate in build.Gates)
        {
            var decision = GateEvaluation.Decide(build, gate, record, evidence);
            html.Append("<h3>").Append(E(gate.Environment)).Append(": ").Append(decision.Passed ? "passed" : "blocked").Append("</h3>\n<ul>\n");
            foreach (var item in gate.Checklist)
            {
                var byEvidence = item.EvidenceKey is not null && evidence.Contains(item.EvidenceKey);
                var attested = record.Attestations().Where(a => a.ItemKey == item.Key).Select(a => $"{a.By} ({a.Role?.Name ?? "no role"}): {a.Text}")
                    .ToArray();
                html.Append("<li>").Append(E(item.Key)).Append(" (").Append(E(item.Role)).Append("): ")
                    .Append(byEvidence
                        ? "pipeline evidence " + E(item.EvidenceKey)
                        : attested.Length > 0 ? "attested by " + E(string.Join("; ", attested)) : "not satisfied").Append("</li>\n");
            }
            foreach (var blocker in decision.Blockers) html.Append("<li>Blocker: ").Append(E(blocker)).Append("</li>\n");
            foreach (var ignored in decision.IgnoredAttestations) html.Append("<li>Attestation not counted: ").Append(E(ignored)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("<h2>Blessing, promotions and rollbacks</h2>\n<ul>\n");
        foreach (var @event in record.Events)
        {
            var text = @event switch
            {
                ReleaseBlessed b => $"Blessed: image {b.ImageDigest}, chart {b.ChartDigest}",
                ReleasePromoted p => $"Promoted to {p.Environment} by {p.By}: {p.ImageDigest}",
                ReleaseRolledBack r => $"{r.Environment} rolled back to {r.ToVersion} by {r.By}",
                _ => null,
            };
            if (text is not null) html.Append("<li>").Append(E(@event.At.ToString("O"))).Append(' ').Append(E(text)).Append("</li>\n");
        }
        html.Append("</ul>\n<p>Every file of this folder is listed with its SHA-256 in manifest.json; the manifest is linked into the evidence " +
            "hash chain kept with the release records. Check with <code>./build.sh VerifyEvidence --release ")
            .Append(E(created.Version)).Append("</code>.</p>\n</body></html>\n");
        return html.ToString();
    }
}
