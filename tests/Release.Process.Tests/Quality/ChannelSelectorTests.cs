using Microsoft.Extensions.Time.Testing;
using Release.Process.Quality;
using Release.Process.Versioning;

namespace Release.Process.Tests.Quality;

public class ChannelSelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly ChannelSelector _selector = new(QualityPolicy.Default(), new FakeTimeProvider(Now));

    private static QualityMetrics Good() => new(
        new TestCounts(500, 0, 3), 85.5, 70, new VulnerabilityCounts(0, 0, 2, 5), new TestCounts(40, 0),
        [new AdvisorySource("nuget-audit", true, Now.AddHours(-2)), new AdvisorySource("debian-security", true, Now.AddHours(-5))]);

    [Test]
    public void Good_build_meets_stable()
    {
        var decision = _selector.Select(Good(), ReleaseChannel.Stable);
        Assert.That(decision.Channel, Is.EqualTo(ReleaseChannel.Stable));
        Assert.That(decision.MetTarget, Is.True);
        Assert.That(decision.Failures, Is.Empty);
        Assert.That(decision.Summary(), Is.EqualTo("Releasable to Stable."));
    }

    [Test]
    public void Release_that_misses_its_channel_falls_back_and_lists_each_failed_rule()
    {
        var metrics = Good() with { LineCoverage = 72.25, Vulnerabilities = new VulnerabilityCounts(0, 2) };
        var decision = _selector.Select(metrics, ReleaseChannel.Stable);
        Assert.That(decision.MetTarget, Is.False);
        Assert.That(decision.Channel, Is.EqualTo(ReleaseChannel.Beta));
        Assert.That(decision.TargetFailures.Select(f => (f.Metric, f.Actual, f.Required)), Is.EquivalentTo(new[]
        {
            ("line coverage", "72.25%", ">= 80%"),
            ("high vulnerabilities", "2", "<= 0"),
        }));
        Assert.That(decision.Summary(), Does.StartWith("Missed Stable; releasable to Beta only.").And.Contain("line coverage is 72.25%, required >= 80%"));
    }

    [Test]
    public void A_failing_unit_test_makes_the_build_not_releasable()
    {
        var decision = _selector.Select(Good() with { UnitTests = new TestCounts(499, 1) }, ReleaseChannel.Stable);
        Assert.That(decision.IsReleasable, Is.False);
        Assert.That(decision.Failures.Select(f => f.Channel).Distinct(), Is.EqualTo(new[] { ReleaseChannel.Stable, ReleaseChannel.Beta, ReleaseChannel.Alpha }));
        Assert.That(decision.Summary(), Does.StartWith("Not releasable"));
    }

    [Test]
    public void No_tests_at_all_is_not_a_pass()
    {
        var decision = _selector.Select(Good() with { UnitTests = new TestCounts(0, 0) }, ReleaseChannel.Alpha);
        Assert.That(decision.IsReleasable, Is.False);
        Assert.That(decision.Failures.Select(f => f.Metric), Does.Contain("unit tests executed"));
    }

    [Test]
    public void An_advisory_source_that_gave_no_data_blocks_stable()
    {
        var metrics = Good() with { AdvisorySources = [new AdvisorySource("nuget-audit", false, null), new AdvisorySource("debian-security", true, Now)] };
        var decision = _selector.Select(metrics, ReleaseChannel.Stable);
        Assert.That(decision.MetTarget, Is.False);
        Assert.That(decision.TargetFailures.Single().Metric, Is.EqualTo("advisory source 'nuget-audit'"));
    }

    [Test]
    public void Stale_or_future_scan_data_is_refused()
    {
        var stale = Good() with { AdvisorySources = [new AdvisorySource("osv", true, Now.AddDays(-2))] };
        Assert.That(_selector.Select(stale, ReleaseChannel.Stable).TargetFailures.Single().Actual, Is.EqualTo("2.00:00:00"));
        var future = Good() with { AdvisorySources = [new AdvisorySource("osv", true, Now.AddDays(1))] };
        Assert.That(_selector.Select(future, ReleaseChannel.Stable).TargetFailures.Single().Actual, Does.StartWith("dated in the future"));
    }

    [Test]
    public void Failing_integration_tests_block_beta_and_stable()
    {
        var decision = _selector.Select(Good() with { IntegrationTests = new TestCounts(39, 1) }, ReleaseChannel.Stable);
        Assert.That(decision.Channel, Is.EqualTo(ReleaseChannel.Alpha));
    }

    [Test]
    public void A_channel_without_thresholds_is_never_chosen()
    {
        var policy = new QualityPolicy(new Dictionary<ReleaseChannel, ChannelThresholds> { [ReleaseChannel.Alpha] = new() });
        var decision = new ChannelSelector(policy, new FakeTimeProvider(Now)).Select(Good(), ReleaseChannel.Beta);
        Assert.That(decision.Channel, Is.EqualTo(ReleaseChannel.Alpha));
        Assert.That(decision.Failures.Single().Metric, Is.EqualTo("quality policy"));
    }

    [Test]
    public void Impossible_metrics_and_thresholds_are_refused_with_the_field_named()
    {
        var error = Assert.Throws<ArgumentException>(() => _selector.Select(Good() with { LineCoverage = 0.8 * 200 }, ReleaseChannel.Alpha));
        Assert.That(error!.Message, Does.Contain("LineCoverage"));
        var badPolicy = Assert.Throws<ArgumentException>(() => _ = new QualityPolicy(new Dictionary<ReleaseChannel, ChannelThresholds>
        {
            [ReleaseChannel.Stable] = new() { MinimumLineCoverage = 180 },
        }));
        Assert.That(badPolicy!.Message, Does.Contain("Stable").And.Contain("MinimumLineCoverage"));
    }
}
