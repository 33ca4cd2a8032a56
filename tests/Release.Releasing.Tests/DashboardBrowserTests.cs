using System.Text.Json;
using Microsoft.Playwright;
using Release.Releasing.Tests.Support;
using Release.Testing;
using Release.Testing.Browser;

namespace Release.Releasing.Tests;

/// <summary>
/// The release dashboard in a real headless browser (Debian's chromium driven by Playwright), over release records
/// made by the real commands: two releases shipped through staging, pre-prod and production with votes, attestations,
/// blessing and evidence, then production rolled back. Every page loads without a console error, its charts and
/// diagrams draw (SVG with shapes and a size), every link resolves, and a screenshot of each page is kept under
/// artifacts/test-results/dashboard/.
/// </summary>
[NonParallelizable]
public class DashboardBrowserTests : RegistryTestBase
{
    private static string Screenshots => RepositoryRoot.File("artifacts/test-results/dashboard");

    [Test]
    public async Task The_dashboard_of_two_shipped_releases_and_a_rollback_renders_in_chromium_with_working_evidence_links()
    {
        var chromium = await DebianChromium.EnsureInstalledAsync();
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await ReleaseFlowTests.ShipAsync(world, "0.1.0", "image one");
        world.Source.WriteFile("samples/director/app.txt", "v2\n");
        await world.Source.CommitAsync("feat(api): paging for lists #2", ReleaseWorld.Alice);
        await ReleaseFlowTests.ShipAsync(world, "0.2.0", "image two");
        (await world.RunAsync("Rollback", "--environment", "production", "--voter", "sre@example.com")).Succeeded();

        var run = (await world.RunAsync("Dashboard")).Succeeded();
        Assert.That(run.Output, Does.Contain("Dashboard of 2 release(s)"));
        var site = world.PathOf("artifacts/dashboard");
        var pages = Directory.GetFiles(site, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(pages, Is.SupersetOf(new[] { "index.html", "environments.html", "diagrams.html", "release-director-0.1.0.html", "release-director-0.2.0.html",
            "runbook-0.1.0.html", "runbook-0.2.0.html" }));
        Assert.That(File.ReadAllText(Path.Combine(site, "runbook-0.2.0.md")), Does.Contain("`./build.sh Promote --release 0.2.0 --to production`"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(Screenshots);
        foreach (var name in pages)
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
            await page.GotoAsync(new Uri(Path.Combine(site, name!)).AbsoluteUri);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, Path.ChangeExtension(name!, ".png")), FullPage = true });
            Assert.That(errors, Is.Empty, $"{name}: console errors");

            // Every SVG is drawn: it has a size on the page and shapes inside.
            var drawn = await page.EvaluateAsync<JsonElement>("""
                () => Array.from(document.querySelectorAll('svg')).map(s => {
                    const box = s.getBoundingClientRect();
                    return { width: box.width, height: box.height, shapes: s.querySelectorAll('rect,path,circle,polyline').length };
                })
                """);
            foreach (var svg in drawn.EnumerateArray())
                Assert.That(svg.GetProperty("width").GetDouble() * svg.GetProperty("height").GetDouble() > 0 && svg.GetProperty("shapes").GetInt32() > 0, Is.True, $"{name}: an SVG is empty: {svg}");

            // Every link points at a file of the site (nothing from the internet, nothing missing).
            var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
            foreach (var link in links)
            {
                Assert.That(link, Does.StartWith("file://"), $"{name} links outside the site");
                Assert.That(File.Exists(new Uri(link).LocalPath), Is.True, $"{name} links to {link}, which does not exist");
            }
            await page.CloseAsync();
        }

        var index = await browser.NewPageAsync();
        await index.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);
        // The delivery charts: two production deployments (one a week, or two in one), one rolled back.
        Assert.That(await index.Locator("#chart-frequency rect.bar").CountAsync(), Is.GreaterThanOrEqualTo(1));
        Assert.That(await index.Locator("#chart-lead-time circle.point").CountAsync(), Is.GreaterThanOrEqualTo(1));
        Assert.That(await index.Locator("#chart-restore circle.point").CountAsync(), Is.EqualTo(1));
        var figures = await index.Locator("table.figures").InnerTextAsync();
        Assert.That(figures, Does.Contain("2 to production").And.Contain("Change failure rate\t0.5"));
        var releases = await index.Locator("table.releases").InnerTextAsync();
        Assert.That(releases, Does.Contain("director-0.1.0").And.Contain("director-0.2.0").And.Contain("Stable").And.Contain("verified"));
        // Both gates passed: the older release's pipeline evidence comes from its own (intact) bundle, not today's artifacts.
        Assert.That(releases, Does.Not.Contain("blocked"));

        // The evidence links open the bundles' own summaries.
        var evidence = await index.Locator("a.evidence").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.That(evidence, Has.Length.EqualTo(2));
        foreach (var link in evidence)
        {
            var response = await index.GotoAsync(link);
            Assert.That(response?.Ok, Is.True, link);
            Assert.That(await index.ContentAsync(), Does.Contain("director-0."), link);
        }

        // Production runs 0.1.0 again after the rollback; drift was never checked.
        await index.GotoAsync(new Uri(Path.Combine(site, "environments.html")).AbsoluteUri);
        var production = await index.Locator("table.environments tr", new() { HasText = "production" }).InnerTextAsync();
        Assert.That(production, Does.Contain("0.1.0").And.Contain("gitops").And.Contain("never checked"));

        // The release page: the gate, the four votes and who attested each item.
        await index.GotoAsync(new Uri(Path.Combine(site, "release-director-0.2.0.html")).AbsoluteUri);
        Assert.That(await index.Locator("table.votes tr").CountAsync(), Is.EqualTo(5));
        Assert.That(await index.Locator("table.checklist").InnerTextAsync(), Does.Contain("sre@example.com").And.Contain("dr-plan-drafted"));
        Assert.That(await index.Locator("h2", new() { HasText = "Gate production" }).InnerTextAsync(), Does.Contain("passed"));

        // Tampered evidence shows as such.
        await File.WriteAllTextAsync(world.PathOf("artifacts/evidence/0.2.0/unit-tests/junit.xml"), "<testsuites tests=\"999\"/>\n");
        (await world.RunAsync("Dashboard")).Succeeded();
        await index.GotoAsync(new Uri(Path.Combine(site, "release-director-0.2.0.html")).AbsoluteUri);
        Assert.That(await index.ContentAsync(), Does.Contain("NOT intact").And.Contain("ChangedFile unit-tests/junit.xml"));
        await index.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "release-director-0.2.0-tampered.png"), FullPage = true });
    }
}
