using System.Globalization;
using System.Text;
using Release.Operations.Delivery;
using Release.Operations.Diagrams;
using Release.Operations.Rendering;
using Release.Operations.Runbooks;
using Release.Process.Approvals;

namespace Release.Operations.Dashboard;

/// <summary>
/// The pages of the release dashboard, as text keyed by their path relative to the site's root: the overview with
/// the delivery charts, the environments, the diagrams, one page per release and one runbook per release. No script,
/// no file from elsewhere: the site opens from disk.
/// </summary>
public static class DashboardSite
{
    /// <summary>The overview page.</summary>
    public const string IndexPage = "index.html";

    /// <summary>The environments page.</summary>
    public const string EnvironmentsPage = "environments.html";

    /// <summary>The diagrams page.</summary>
    public const string DiagramsPage = "diagrams.html";

    /// <summary>Every file of the site: relative path to its text (the HTML pages and each release's runbook as Markdown).</summary>
    /// <param name="content">What to show.</param>
    public static IReadOnlyDictionary<string, string> Pages(DashboardContent content)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [IndexPage] = Page(content, "Releases", Index(content)),
            [EnvironmentsPage] = Page(content, "Environments", Environments(content)),
            [DiagramsPage] = Page(content, "Diagrams", Diagrams(content)),
        };
        foreach (var release in content.Releases)
        {
            pages[ReleasePage(release.Record.ReleaseId)] = Page(content, release.Record.ReleaseId, Release(release));
            var runbook = RunbookPlanner.Plan(content.Runbook, release.Record.Created.Version);
            pages[RunbookPage(release.Record.Created.Version)] = Page(content, $"Runbook {runbook.Version}", RunbookHtml.Body(runbook));
            pages[RunbookMarkdownFile(release.Record.Created.Version)] = RunbookMarkdown.Runbook(runbook);
        }
        return pages;
    }

    /// <summary>The page of one release.</summary>
    /// <param name="releaseId">The release id.</param>
    public static string ReleasePage(string releaseId) => $"release-{releaseId}.html";

    /// <summary>The runbook of one version as Markdown, beside its page.</summary>
    /// <param name="version">The version.</param>
    public static string RunbookMarkdownFile(string version) => $"runbook-{version}.md";

    /// <summary>The runbook page of one version.</summary>
    /// <param name="version">The version.</param>
    public static string RunbookPage(string version) => $"runbook-{version}.html";

    private static string Page(DashboardContent content, string title, string body) =>
        HtmlPage.Render($"{content.Module}: {title}", [("Releases", IndexPage), ("Environments", EnvironmentsPage), ("Diagrams", DiagramsPage)],
            body + $"\n<p class=\"muted\">Generated {Time(content.GeneratedAt)} by ./build.sh Dashboard from the release records.</p>");

    private static string Index(DashboardContent content)
    {
        var figures = content.Figures;
        var html = new StringBuilder($"<h1>Releases of {Markup.Encode(content.Module)}</h1>\n<h2>Delivery</h2>\n<table class=\"figures\">")
            .Append($"<tr><th>Deployment frequency</th><td>{Markup.Number(figures.DeploymentsPerWeek)} per week ({figures.Deployments.Count} to " +
                "production)</td></tr>")
            .Append($"<tr><th>Lead time, change to production (median)</th><td>{Hours(figures.LeadTimeHours)}</td></tr>")
            .Append(
                "<tr><th>Change failure " +
                    $"rate</th><td>{(figures.ChangeFailureRate is { } rate ? Markup.Number(rate) : "no deployment yet")}</td></tr>")
            .Append("<tr><th>Time to restore " +
                $"(median)</th><td>{(figures.TimeToRestoreHours is null ? "no failed deployment" : Hours(figures.TimeToRestoreHours))}</td></tr></table>\n");
        if (figures.Deployments.Any(d => !d.ChangeAtIsCommit))
            html.Append("<p class=\"muted\">Lead time runs from the commit where its time is known (kept in the evidence), else from the release's " +
                "opening.</p>\n");
        var weeks = figures.Weeks.Select(w => w.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        ChartPoint[] Series(Func<DeliveryWeek, double?> value) => figures.Weeks.Select((w, i) => new ChartPoint(weeks[i], value(w))).ToArray();
        html.Append("<div class=\"charts\">\n")
            .Append("<div class=\"chart\" id=\"chart-frequency\">").Append(
                ChartSvg.Render("Deployments to production per week", "deployments", Series(w => w.Deployments), ChartKind.Bars)).Append("</div>\n")
            .Append("<div class=\"chart\" id=\"chart-lead-time\">").Append(
                ChartSvg.Render("Lead time (median) per week", "hours", Series(w => w.LeadTimeHours), ChartKind.Line)).Append("</div>\n")
            .Append("<div class=\"chart\" id=\"chart-failure-rate\">").Append(
                ChartSvg.Render("Change failure rate per week", "share", Series(w => w.ChangeFailureRate), ChartKind.Line)).Append("</div>\n")
            .Append("<div class=\"chart\" id=\"chart-restore\">").Append(
                ChartSvg.Render("Time to restore (median) per week", "hours", Series(w => w.TimeToRestoreHours), ChartKind.Line)).Append("</div>\n")
            .Append("</div>\n<h2>Releases</h2>\n<table " +
                "class=\"releases\"><tr><th>Release</th><th>Version</th><th>Channel</th><th>Gates</th><th>Blessed</th><th>Environments " +
                    "reached</th><th>Evidence</th></tr>\n");
        foreach (var release in content.Releases.Reverse())
        {
            var record = release.Record;
            html.Append("<tr><td><a " +
                $"href=\"{ReleasePage(record.ReleaseId)}\">{Markup.Encode(record.ReleaseId)}</a></td><td>{Markup.Encode(record.Created.Version)}</td>")
                .Append($"<td>{Markup.Encode(release.Channel ?? "unknown")}</td><td>{string.Join("<br>", release.Gates.Select(GateCell))}</td>")
                .Append($"<td>{(record.Events.OfType<ReleaseBlessed>().LastOrDefault() is { } b ? Time(b.At) : "no")}</td>")
                .Append($"<td>{Markup.Encode(string.Join(", ", record.Reached().Keys))}</td><td>{EvidenceCell(release.Evidence)}</td></tr>\n");
        }
        if (content.Releases.Count == 0) html.Append("<tr><td colspan=\"7\">No release recorded yet.</td></tr>\n");
        return html.Append("</table>\n").ToString();
    }

    private static string Environments(DashboardContent content)
    {
        var html = new StringBuilder("<h1>Environments</h1>\n<table " +
            "class=\"environments\"><tr><th>Environment</th><th>Deployer</th><th>Runs</th><th>Image digest</th><th>Since</th><th>Last drift " +
                "check</th></tr>\n");
        foreach (var environment in content.Environments)
            html.Append($"<tr><td>{Markup.Encode(environment.Name)}</td><td>{Markup.Encode(environment.Deployer ?? "not declared")}</td>")
                .Append(environment.ReleaseId is { } id
                    ? $"<td><a href=\"{ReleasePage(id)}\">{Markup.Encode(environment.Version)}</a></td>"
                    : "<td class=\"muted\">nothing promoted yet</td>")
                .Append($"<td><code>{Markup.Encode(environment.ImageDigest ?? "")}</code></td>")
                .Append($"<td>{(environment.Since is { } since ? Time(since) : "")}</td>")
                .Append("<td>")
                .Append(environment.LastDriftCheck is { } checkedAt
                    ? Time(checkedAt) + ": " + Markup.Encode(environment.DriftResult)
                    : "never checked")
                .Append("</td></tr>\n");
        return html.Append("</table>\n").ToString();
    }

    private static string Diagrams(DashboardContent content) =>
        "<h1>Flow diagrams</h1>\n" + string.Concat(
            content.Diagrams.Select(d => $"<h2>{Markup.Encode(d.Title)}</h2>\n<div class=\"diagram\">{FlowchartSvg.Render(d)}</div>\n"));

    private static string Release(DashboardRelease release)
    {
        var record = release.Record;
        var created = record.Created;
        var html = new StringBuilder($"<h1>Release {Markup.Encode(record.ReleaseId)}</h1>\n<table>")
            .Append($"<tr><th>Version</th><td>{Markup.Encode(created.Version)}</td></tr>")
            .Append($"<tr><th>Channel</th><td>{Markup.Encode(release.Channel ?? "unknown")}</td></tr>")
            .Append($"<tr><th>Commit</th><td><code>{Markup.Encode(created.Commit)}</code> on {Markup.Encode(created.Branch)}</td></tr>")
            .Append($"<tr><th>Opened</th><td>{Time(created.At)} by {Markup.Encode(created.TriggeredBy)}</td></tr>")
            .Append($"<tr><th>Authors</th><td>{Markup.Encode(string.Join(", ", created.Authors))}</td></tr>")
            .Append($"<tr><th>Evidence</th><td>{EvidenceCell(release.Evidence)}</td></tr>")
            .Append($"<tr><th>Runbook</th><td><a href=\"{RunbookPage(created.Version)}\">runbook {Markup.Encode(created.Version)}</a> ")
            .Append($"(<a href=\"{RunbookMarkdownFile(created.Version)}\">Markdown</a>)</td></tr></table>\n");
        if (release.Evidence is { Intact: false } broken)
            html.Append("<ul class=\"bad\">").Append(string.Concat(broken.Findings.Select(f => $"<li>{Markup.Encode(f)}</li>"))).Append("</ul>\n");
        foreach (var (gate, policy) in release.Gates.Zip(release.Checklists))
        {
            html.Append($"<h2>Gate {GateCell(gate)}</h2>\n");
            if (gate.Blockers.Count > 0) html.Append("<ul>").Append(string.Concat(gate.Blockers.Select(b => $"<li>{Markup.Encode(b)}</li>")))
                .Append("</ul>\n");
            html.Append("<table class=\"votes\"><tr><th>Role</th><th>Voter</th><th>Decision</th><th>Reason</th><th>When</th></tr>\n");
            foreach (var vote in record.Votes().Where(v => v.Environment == gate.Environment))
                html.Append($"<tr><td>{Markup.Encode(vote.Role.Name)}</td><td>{Markup.Encode(vote.Voter)}</td><td " +
                    $"class=\"{(vote.Decision == VoteDecision.Go ? "ok" : "bad")}\">{vote.Decision}</td>")
                    .Append($"<td>{Markup.Encode(vote.Reason)}</td><td>{Time(vote.CastAt)}</td></tr>\n");
            html.Append(
                "</table>\n<table class=\"checklist\"><tr><th>Checklist item</th><th>Role</th><th>Satisfied by</th><th>Attested by</th></tr>\n");
            foreach (var item in policy.Checklist)
            {
                var attestations = record.Attestations().Where(a => a.ItemKey == item.Key).ToList();
                html.Append(
                    $"<tr><td>{Markup.Encode(item.Description)} <code>{Markup.Encode(item.Key)}</code></td><td>{Markup.Encode(item.Role.Name)}</td>")
                    .Append("<td>")
                    .Append(Markup.Encode(item.EvidenceKey is { } key
                        ? $"evidence '{key}'" + (item.AttestationAllowed ? " or attestation" : "")
                        : "attestation"))
                    .Append("</td>")
                    .Append("<td>")
                    .Append(attestations.Count == 0 ? "<span class=\"muted\">nobody</span>" : string.Join("<br>", attestations.Select(a =>
                        $"{Markup.Encode(a.By)} ({Markup.Encode(a.Role?.Name ?? "no role")}, {Time(a.At)}): {Markup.Encode(a.Text)}")))
                    .Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append("<h2>History</h2>\n<table class=\"history\"><tr><th>When</th><th>What</th></tr>\n");
        foreach (var @event in record.Events)
            html.Append($"<tr><td>{Time(@event.At)}</td><td>{Markup.Encode(Describe(@event))}</td></tr>\n");
        html.Append("</table>\n");
        if (release.Refused.Count > 0)
            html.Append("<h2>Refused records</h2><ul class=\"bad\">")
                .Append(string.Concat(release.Refused.Select(r => $"<li>{Markup.Encode(r)}</li>")))
                .Append("</ul>\n");
        return html.ToString();
    }

    private static string Describe(ReleaseEvent @event) => @event switch
    {
        ReleaseCreated c => $"opened {c.Version} from {c.Branch} by {c.TriggeredBy}",
        VoteCast v => $"{v.Voter} voted {v.Decision} as {v.Role} at the {v.Environment} gate: {v.Reason}",
        AttestationRecorded a => $"{a.By} attested {a.ItemKey} as {a.Role}: {a.Text}",
        ReleaseBlessed b => $"blessed (image {b.ImageDigest}, chart {b.ChartDigest})",
        ReleasePromoted p => $"promoted to {p.Environment} by {p.By} ({p.ImageDigest})",
        ReleaseRolledBack r => $"{r.Environment} rolled back to {r.ToVersion} by {r.By}",
        _ => @event.GetType().Name,
    };

    private static string GateCell(GateDecision gate) =>
        $"{Markup.Encode(gate.Environment)}: <span " +
            $"class=\"{(gate.Passed ? "ok" : "bad")}\">{(gate.Passed ? "passed" : $"blocked ({gate.Blockers.Count})")}</span>, Go from " +
                $"{Markup.Encode(gate.GoRoles.Count == 0 ? "nobody" : string.Join(", ", gate.GoRoles))}";

    private static string EvidenceCell(DashboardEvidence? evidence) => evidence is null
        ? "<span class=\"muted\">no bundle here</span>"
        : $"<a class=\"evidence\" href=\"{Markup.Encode(evidence.Href)}\">evidence</a> <span " +
            $"class=\"{(evidence.Intact ? "ok\">verified" : "bad\">NOT intact")}</span>";

    private static string Hours(double? hours) => hours is { } h ? $"{Markup.Number(h)} h" : "no deployment yet";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
