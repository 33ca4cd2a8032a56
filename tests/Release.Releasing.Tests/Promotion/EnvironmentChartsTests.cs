using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Promotion;

namespace Release.Releasing.Tests.Promotion;

/// <summary>Promotion and rollback tag the release's image and chart with the tag Clone computed, as the signed record holds it.</summary>
public class EnvironmentChartsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 45, 0, TimeSpan.Zero);
    private const string Commit = "0156133a9be0c3d1f5e0a6b7c8d9e0f1a2b3c4d5";

    private static EnvironmentCharts Charts(string version, string? imageTag) =>
        new(null!, "registry.local", new ReleaseCreated(At, version, "main", Commit, "rm@example.com", [], imageTag));

    [Test]
    public void The_tag_is_the_one_the_record_holds_not_one_derived_again()
    {
        // Clone may abbreviate the commit further than 7 characters (git does when 7 are ambiguous): the record decides.
        Assert.That(Charts("1.4.0", "1.4.0_g0156133a9").Tag, Is.EqualTo("1.4.0_g0156133a9"));
        Assert.That(Charts("1.5.0-beta.3", "1.5.0-beta.3.g0156133").Tag, Is.EqualTo("1.5.0-beta.3.g0156133"));
    }

    [Test]
    public void A_record_opened_before_the_tag_was_recorded_gets_it_by_Clones_rule() =>
        Assert.That(Charts("1.4.0", null).Tag, Is.EqualTo("1.4.0_g0156133"));

    [TestCase("1.4.1_g0156133", "names another version or commit")]
    [TestCase("1.4.0_g9999999", "names another version or commit")]
    [TestCase("latest", "not a tag Clone computes")]
    public void A_recorded_tag_that_does_not_match_the_record_is_refused(string imageTag, string reason) =>
        Assert.That(() => Charts("1.4.0", imageTag), Throws.InstanceOf<ReleaseRefusedException>()
            .With.Message.Contains(reason).And.Message.Contains($"'{imageTag}'").And.Message.Contains("release record of 1.4.0"));
}
