using System.Text.RegularExpressions;
using Release.Operations.Dashboard;
using Release.Operations.Delivery;
using Release.Operations.Diagrams;
using Release.Operations.Runbooks;
using Release.Process.Approvals;
using Release.Process.Promotion;

namespace Release.Operations.Tests;

public class DashboardSiteTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static DashboardContent Content(params DashboardRelease[] releases)
    {
        var gate = GatePolicy.SeedDefault();
        var definition = new RunbookDefinition("director", EnvironmentChain.Default(), [gate], ["main"]);
        return new DashboardContent("director", At, releases,
            [new("staging", "gitops", null, null, null, null), new("production", "gitops", "director-1.0.0", "1.0.0", "sha256:ab", At)],
            DeliveryFigures.From(releases.Select(r => r.Record).ToList(), "production", _ => null),
            [OperationsDiagrams.Promotion(definition.Chain, definition.Gates, definition.BlessedBranches)], definition);
    }

    private static DashboardRelease Release(string text)
    {
        var record = ReleaseRecord.Create("director-1.0.0", new ReleaseCreated(At.AddHours(-2), "1.0.0", "main", "abc", "rm@example.com", []))
            .Append(new VoteCast(At.AddHours(-1), "production", "Sre", "sre@example.com", VoteDecision.Go, text))
            .Append(new ReleasePromoted(At, "production", "sha256:" + new string('a', 64), "ops"));
        var decision = new GateDecision(record.ReleaseId, "production", [ApprovalRole.Sre], ["Qa has not voted"], []);
        return new DashboardRelease(record, [], [decision], [GatePolicy.SeedDefault()], "Stable", new DashboardEvidence("evidence/1.0.0/index.html", true, []));
    }

    [Test]
    public void The_site_has_the_overview_environments_diagrams_and_a_page_and_runbook_per_release()
    {
        var pages = DashboardSite.Pages(Content(Release("ready")));
        Assert.That(pages.Keys, Is.EquivalentTo(new[] { "index.html", "environments.html", "diagrams.html", "release-director-1.0.0.html", "runbook-1.0.0.html", "runbook-1.0.0.md" }));
        Assert.That(pages["runbook-1.0.0.md"], Does.StartWith(RunbookMarkdown.GeneratedNotice).And.Contain("## 1. Open release 1.0.0 of director"));
        Assert.That(pages["environments.html"], Does.Contain("never checked").And.Contain("nothing promoted yet"));
        Assert.That(pages["release-director-1.0.0.html"], Does.Contain("Qa has not voted").And.Contain("blocked (1)").And.Contain("href=\"runbook-1.0.0.html\""));
        Assert.That(pages["runbook-1.0.0.html"], Does.Contain("./build.sh Promote --release 1.0.0 --to production"));
    }

    [Test]
    public void No_page_loads_anything_from_elsewhere_or_runs_a_script()
    {
        foreach (var (name, html) in DashboardSite.Pages(Content(Release("ready"))).Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.That(html, Does.Not.Contain("<script"), name);
            var external = Regex.Matches(html, "(?:href|src)=\"(https?:)?//", RegexOptions.IgnoreCase);
            Assert.That(external, Is.Empty, name);
        }
    }

    [Test]
    public void What_people_typed_is_escaped()
    {
        var page = DashboardSite.Pages(Content(Release("<img src=x onerror=alert(1)>")))["release-director-1.0.0.html"];
        Assert.That(page, Does.Not.Contain("<img src=x").And.Contain("&lt;img src=x onerror=alert(1)&gt;"));
    }

    [Test]
    public void With_no_release_the_overview_says_so_and_the_charts_say_there_is_no_deployment()
    {
        var index = DashboardSite.Pages(Content())["index.html"];
        Assert.That(index, Does.Contain("No release recorded yet.").And.Contain("no production deployment yet"));
    }
}
