using System.Text.Json;
using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Reports;

namespace Release.Scanning.Tests;

/// <summary>"No vulnerabilities" against advisory data older than allowed is said in the verdict and in every report.</summary>
public sealed class StaleAdvisoryDataTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddSeconds(3);
    private static readonly ScanReportContext Context = new("director", "1.0.1", "localhost:5000/director:1.0.1", "debian 12", "obj/project.assets.json");
    private static readonly TimeSpan Allowed = TimeSpan.FromDays(7);

    // The age judgement itself is the quality gate's rule (Release.Process); here it arrives as its answer.
    private static ScanOutcome Clean(DateTimeOffset? asOf, string? staleBecause) => ScanFreshness.Apply(
        ScanEvaluator.Evaluate([AdvisorySourceResult.WithData("osv", [])], new ScanPolicy(), Start, End),
        [new AdvisoryDataAge("osv", asOf, End, Allowed, staleBecause)]);

    private static ScanOutcome Stale() => Clean(new DateTimeOffset(2023, 1, 30, 0, 0, 0, TimeSpan.Zero), "1406.10:00:03");

    [Test]
    public void A_clean_scan_against_old_data_is_not_called_clean_and_its_verdict_says_how_old()
    {
        var outcome = Stale();
        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Passed));
        Assert.That(outcome.VerdictText, Is.EqualTo("Passed: clean against advisory data 1406 days old (allowed: 7)"));
        Assert.That(outcome.Reasons, Has.Some.Contains("osv: advisory data 1406 days old (allowed: 7), newest advisory 2023-01-30"));
        Assert.That(outcome.Succeeded, Is.True, "said, not failed: the quality gate decides the channel");
    }

    [Test]
    public void The_summary_json_carries_the_verdict_in_words_and_the_warning()
    {
        using var json = JsonDocument.Parse(ScanSummaryWriter.Write(ScanSummary.From(Stale())));
        Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("Passed"));
        Assert.That(json.RootElement.GetProperty("verdictText").GetString(), Is.EqualTo("Passed: clean against advisory data 1406 days old (allowed: 7)"));
        Assert.That(json.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("newest advisory 2023-01-30"));
    }

    [Test]
    public void Fresh_data_keeps_the_scan_clean_and_the_verdict_names_its_age()
    {
        var outcome = Clean(Start.AddDays(-2), null);
        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Clean));
        Assert.That(outcome.VerdictText, Is.EqualTo("Clean against advisory data 2 days old (allowed: 7)"));
        Assert.That(outcome.StaleData, Is.Empty);
    }

    [Test]
    public void Data_of_unknown_age_is_said_as_such()
    {
        var outcome = Clean(null, "unknown");
        Assert.That(outcome.VerdictText, Is.EqualTo("Passed: clean against advisory data of unknown age (allowed: 7)"));
    }

    [Test]
    public void The_GitLab_report_carries_a_warning_message_for_stale_data()
    {
        using var json = JsonDocument.Parse(GitLabContainerScanningReportWriter.Write(Stale(), Context));
        var scan = json.RootElement.GetProperty("scan");
        Assert.That(scan.GetProperty("status").GetString(), Is.EqualTo("success"));
        var message = scan.GetProperty("messages").EnumerateArray().Single();
        Assert.That(message.GetProperty("level").GetString(), Is.EqualTo("warn"));
        Assert.That(message.GetProperty("value").GetString(), Does.Contain("advisory data 1406 days old (allowed: 7)").And.Contain("refresh the advisory data"));
        Assert.That(json.RootElement.GetProperty("vulnerabilities").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void SARIF_carries_a_warning_notification_and_the_verdict_in_words()
    {
        using var json = JsonDocument.Parse(SarifReportWriter.Write(Stale(), Context));
        var invocation = json.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        var notification = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        Assert.That(notification.GetProperty("level").GetString(), Is.EqualTo("warning"));
        Assert.That(notification.GetProperty("message").GetProperty("text").GetString(), Does.Contain("1406 days old"));
        Assert.That(invocation.GetProperty("properties").GetProperty("verdict").GetString(), Is.EqualTo("Passed"));
        Assert.That(invocation.GetProperty("properties").GetProperty("verdictText").GetString(), Does.StartWith("Passed: clean against"));
    }

    [Test]
    public void Fresh_data_adds_no_message_to_the_reports()
    {
        var outcome = Clean(Start.AddDays(-2), null);
        using var gitlab = JsonDocument.Parse(GitLabContainerScanningReportWriter.Write(outcome, Context));
        Assert.That(gitlab.RootElement.GetProperty("scan").GetProperty("messages").GetArrayLength(), Is.Zero);
        using var sarif = JsonDocument.Parse(SarifReportWriter.Write(outcome, Context));
        Assert.That(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").GetArrayLength(), Is.Zero);
    }
}
