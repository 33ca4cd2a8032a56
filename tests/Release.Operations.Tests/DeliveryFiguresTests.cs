using Release.Operations.Delivery;
using Release.Process.Approvals;

namespace Release.Operations.Tests;

public class DeliveryFiguresTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private const string Digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static ReleaseRecord Release(string version, DateTimeOffset opened, params ReleaseEvent[] events) =>
        events.Aggregate(ReleaseRecord.Create("director-" + version, new ReleaseCreated(opened, version, "main", "c" + version, "rm@example.com", ["alice@example.com"])),
            (record, e) => record.Append(e));

    [Test]
    public void Promotions_to_production_are_deployments_and_a_rollback_marks_the_one_it_left_failed()
    {
        ReleaseRecord[] records =
        [
            Release("1.0.0", Monday, new ReleasePromoted(Monday.AddHours(1), "staging", Digest, "ops"), new ReleasePromoted(Monday.AddHours(4), "production", Digest, "ops")),
            // Two weeks later: deployed, rolled back after 90 minutes.
            Release("1.1.0", Monday.AddDays(14), new ReleasePromoted(Monday.AddDays(14).AddHours(2), "production", Digest, "ops"),
                new ReleaseRolledBack(Monday.AddDays(14).AddHours(3.5), "production", "1.0.0", "sre")),
        ];
        var figures = DeliveryFigures.From(records, "production", _ => null);

        Assert.That(figures.Deployments.Select(d => (d.Version, d.Failed)), Is.EqualTo(new[] { ("1.0.0", false), ("1.1.0", true) }));
        Assert.That(figures.ChangeFailureRate, Is.EqualTo(0.5));
        Assert.That(figures.TimeToRestoreHours, Is.EqualTo(1.5));
        // Lead time from the release's opening (no commit time known): 4 h and 2 h, median 3 h.
        Assert.That(figures.LeadTimeHours, Is.EqualTo(3));
        Assert.That(figures.Deployments.All(d => !d.ChangeAtIsCommit), Is.True);
        // Three weeks shown, the empty middle one included: 2 deployments / 3 weeks.
        Assert.That(figures.Weeks.Select(w => (w.Week, w.Deployments)), Is.EqualTo(new[]
        {
            (new DateOnly(2026, 11, 2), 1), (new DateOnly(2026, 11, 9), 0), (new DateOnly(2026, 11, 16), 1),
        }));
        Assert.That(figures.Weeks[1].LeadTimeHours, Is.Null);
        Assert.That(figures.Weeks[2].ChangeFailureRate, Is.EqualTo(1));
        Assert.That(figures.DeploymentsPerWeek, Is.EqualTo(2.0 / 3).Within(1e-9));
    }

    [Test]
    public void Lead_time_runs_from_the_commit_when_its_time_is_known()
    {
        var record = Release("2.0.0", Monday, new ReleasePromoted(Monday.AddHours(10), "production", Digest, "ops"));
        var figures = DeliveryFigures.From([record], "production", commit => commit == "c2.0.0" ? Monday.AddDays(-1) : null);
        Assert.That(figures.Deployments.Single().ChangeAtIsCommit, Is.True);
        Assert.That(figures.LeadTimeHours, Is.EqualTo(34));
    }

    [Test]
    public void No_production_deployment_gives_no_figures_rather_than_zeros()
    {
        var figures = DeliveryFigures.From([Release("0.1.0", Monday, new ReleasePromoted(Monday.AddHours(1), "staging", Digest, "ops"))], "production", _ => null);
        Assert.That(figures.Deployments, Is.Empty);
        Assert.That(figures.Weeks, Is.Empty);
        Assert.That(figures.LeadTimeHours, Is.Null);
        Assert.That(figures.ChangeFailureRate, Is.Null);
        Assert.That(figures.TimeToRestoreHours, Is.Null);
        Assert.That(figures.DeploymentsPerWeek, Is.Zero);
    }

    [Test]
    public void A_release_promoted_again_after_its_rollback_counts_twice_and_only_the_first_failed()
    {
        var record = Release("3.0.0", Monday,
            new ReleasePromoted(Monday.AddHours(1), "production", Digest, "ops"),
            new ReleaseRolledBack(Monday.AddHours(2), "production", "2.9.0", "sre"),
            new ReleasePromoted(Monday.AddHours(5), "production", Digest, "ops"));
        var figures = DeliveryFigures.From([record], "production", _ => null);
        Assert.That(figures.Deployments.Select(d => d.Failed), Is.EqualTo(new[] { true, false }));
        Assert.That(figures.TimeToRestoreHours, Is.EqualTo(1));
    }

    [TestCase("2026-11-02T00:00:00Z", "2026-11-02")]
    [TestCase("2026-11-08T23:59:59Z", "2026-11-02")]
    [TestCase("2026-11-09T00:00:00Z", "2026-11-09")]
    [TestCase("2026-11-09T01:00:00+05:30", "2026-11-02")]
    public void Weeks_start_on_Monday_in_UTC(string instant, string monday) =>
        Assert.That(DeliveryFigures.WeekOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture)));
}
