using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Tests.Versioning;

public class ChartVersionTests
{
    [Test]
    public void Stable_chart_version_carries_the_commit_as_build_metadata()
    {
        var chart = ChartVersion.From(SemanticVersion.Parse("1.4.0"), "0156133");
        Assert.That(chart.ToString(), Is.EqualTo("1.4.0+g0156133"));
        Assert.That(chart.Version.IsPreRelease, Is.False);
        Assert.That(chart.ToOciTag(), Is.EqualTo("1.4.0_g0156133"));
    }

    [Test]
    public void All_digit_sha_with_a_leading_zero_stays_a_valid_pre_release()
    {
        // Without the g prefix this would be the numeric identifier "0156133", which SemVer forbids.
        Assert.Throws<FormatException>(() => SemanticVersion.Parse("1.4.0-beta.3.0156133"));
        var chart = ChartVersion.From(SemanticVersion.Parse("1.4.0-beta.3"), "0156133");
        Assert.That(chart.ToString(), Is.EqualTo("1.4.0-beta.3.g0156133"));
        Assert.That(SemanticVersion.Parse(chart.ToString()).ToString(), Is.EqualTo("1.4.0-beta.3.g0156133"));
        Assert.That(chart.ToOciTag(), Is.EqualTo("1.4.0-beta.3.g0156133"));
    }

    [Test]
    public void Chart_versions_sort_like_their_app_versions()
    {
        var ordered = new[] { ("1.4.0-alpha.9", "ffffff1"), ("1.4.0-alpha.10", "0000001"), ("1.4.0-beta.1", "aaaaaa1"), ("1.4.0", "0156133"), ("1.4.1", "0000000") }
            .Select(p => ChartVersion.From(SemanticVersion.Parse(p.Item1), p.Item2).Version).ToArray();
        for (var i = 1; i < ordered.Length; i++)
            Assert.That(ordered[i - 1] < ordered[i], Is.True, $"{ordered[i - 1]} < {ordered[i]}");
    }

    [Test]
    public void Two_branches_at_the_same_height_give_different_chart_versions()
    {
        var a = ChartVersion.From(SemanticVersion.Parse("1.4.0-alpha.5"), "aaaaaaa").Version;
        var b = ChartVersion.From(SemanticVersion.Parse("1.4.0-alpha.5"), "bbbbbbb").Version;
        Assert.That(a.PrecedenceEquals(b), Is.False);
    }

    [Test]
    public void Seed_name_is_rendered_for_audit_and_is_not_a_valid_version()
    {
        var chart = ChartVersion.From(SemanticVersion.Parse("1.2.3"), "ABC1234");
        Assert.That(chart.SeedName("director"), Is.EqualTo("director-1-2-3-abc1234"));
        Assert.That(SemanticVersion.TryParse(chart.SeedName("director"), out _, out _), Is.False);
        Assert.Throws<ArgumentException>(() => chart.SeedName("Director!"));
    }

    [Test]
    public void Parse_reads_chart_versions_and_oci_tags_back()
    {
        var stable = ChartVersion.Parse("1.4.0_g0156133");
        Assert.That(stable.Sha, Is.EqualTo("0156133"));
        Assert.That(stable.AppVersion.ToString(), Is.EqualTo("1.4.0"));
        var pre = ChartVersion.Parse("1.4.0-beta.3.g0156133");
        Assert.That(pre.AppVersion.ToString(), Is.EqualTo("1.4.0-beta.3"));
        Assert.That(pre.PackageFileName("director"), Is.EqualTo("director-1.4.0-beta.3.g0156133.tgz"));
    }

    [TestCase("1.4.0")]
    [TestCase("1.4.0-g0156133")]
    [TestCase("1.4.0-beta.3+g0156133")]
    [TestCase("director-1-4-0-0156133")]
    public void Parse_refuses_versions_outside_the_scheme(string text)
    {
        Assert.Throws<FormatException>(() => ChartVersion.Parse(text));
    }

    [Test]
    public void App_version_with_build_metadata_or_a_bad_sha_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ChartVersion.From(SemanticVersion.Parse("1.0.0+x"), "abcdef1"));
        Assert.That(error!.Message, Does.Contain("build metadata"));
        Assert.Throws<ArgumentException>(() => ChartVersion.From(SemanticVersion.Parse("1.0.0"), "not-a-sha"));
    }

    [Test]
    public void Image_tags_share_the_chart_tag()
    {
        var tags = ImageTags.From(SemanticVersion.Parse("1.4.0"), "0156133", ReleaseChannel.Stable);
        Assert.That(tags.All, Is.EqualTo(new[] { "1.4.0_g0156133", "1.4.0", "stable" }));
        var beta = ImageTags.From(SemanticVersion.Parse("1.4.0-beta.3"), "0156133", ReleaseChannel.Beta);
        Assert.That(beta.VersionSha, Is.EqualTo("1.4.0-beta.3.g0156133"));
        Assert.That(beta.Channel, Is.EqualTo("beta"));
    }

    [Test]
    public void Calculated_version_gives_chart_and_image_tags()
    {
        var calculated = new VersionCalculator().Calculate(new VersionInput([], [ConventionalCommitParser.Parse("feat: a")], "release/0.1", 2, "0156133"));
        Assert.That(calculated.ToChartVersion().ToString(), Is.EqualTo("0.1.0-beta.2.g0156133"));
        Assert.That(calculated.ToImageTags().Channel, Is.EqualTo("beta"));
    }
}
