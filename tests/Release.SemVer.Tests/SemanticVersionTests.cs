using Release.SemVer;

namespace Release.SemVer.Tests;

public class SemanticVersionTests
{
    // SemVer 2.0.0 item 11 example, in increasing precedence.
    private static readonly IReadOnlyList<string> SpecOrder =
    [
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
    ];

    [Test]
    public void Precedence_follows_the_spec_example_for_every_pair()
    {
        for (var i = 0; i < SpecOrder.Count; i++)
            for (var j = 0; j < SpecOrder.Count; j++)
            {
                var expected = Math.Sign(i.CompareTo(j));
                var actual = Math.Sign(SemanticVersion.Parse(SpecOrder[i]).CompareTo(SemanticVersion.Parse(SpecOrder[j])));
                Assert.That(actual, Is.EqualTo(expected), $"{SpecOrder[i]} vs {SpecOrder[j]}");
            }
    }

    [Test]
    public void Sorting_a_shuffled_list_gives_the_spec_order()
    {
        var shuffled = SpecOrder.Reverse().Select(v => SemanticVersion.Parse(v)).ToList();
        shuffled.Sort();
        Assert.That(shuffled.Select(v => v.ToString()), Is.EqualTo(SpecOrder));
    }

    [TestCase("1.9.0", "1.10.0")]
    [TestCase("1.0.0-alpha.9", "1.0.0-alpha.10")]
    [TestCase("1.0.0-1", "1.0.0-a")]
    [TestCase("1.0.0-A", "1.0.0-a")]
    [TestCase("1.0.0-alpha.99999999999999999999", "1.0.0-alpha.100000000000000000000")]
    public void Lower_has_lower_precedence(string lower, string higher)
    {
        Assert.That(SemanticVersion.Parse(lower) < SemanticVersion.Parse(higher), Is.True);
        Assert.That(SemanticVersion.Parse(higher) > SemanticVersion.Parse(lower), Is.True);
    }

    [Test]
    public void Build_metadata_is_ignored_for_precedence_but_not_for_equality()
    {
        var a = SemanticVersion.Parse("1.0.0-alpha+001");
        var b = SemanticVersion.Parse("1.0.0-alpha+exp.sha.5114f85");
        Assert.That(a.CompareTo(b), Is.Zero);
        Assert.That(a.PrecedenceEquals(b), Is.True);
        Assert.That(a, Is.Not.EqualTo(b));
        Assert.That(a, Is.EqualTo(SemanticVersion.Parse("1.0.0-alpha+001")));
    }

    [TestCase("1.0.0-alpha-beta.1+build-7.x")]
    [TestCase("0.0.0")]
    [TestCase("1.0.0-0.3.7")]
    [TestCase("1.0.0-x.7.z.92")]
    [TestCase("1.0.0+20130313144700")]
    [TestCase("1.0.0-beta+exp.sha.5114f85")]
    [TestCase("1.0.0+0.build.1-rc.10000aaa-kk-0.1")]
    public void Valid_versions_round_trip(string text)
    {
        Assert.That(SemanticVersion.Parse(text).ToString(), Is.EqualTo(text));
    }

    [TestCase("", "empty")]
    [TestCase("1.2", "exactly three numbers")]
    [TestCase("1.2.3.4", "exactly three numbers")]
    [TestCase("01.2.3", "MAJOR '01' must not have a leading zero")]
    [TestCase("1.02.3", "MINOR '02' must not have a leading zero")]
    [TestCase("1.2.x", "PATCH 'x' is not a non-negative integer")]
    [TestCase("1.2.3-01", "leading zero")]
    [TestCase("1.2.3-alpha..1", "empty pre-release identifier")]
    [TestCase("1.2.3-", "no pre-release identifiers")]
    [TestCase("1.2.3+", "no build metadata")]
    [TestCase("1.2.3-al_pha", "may only contain")]
    [TestCase("1.2.3+meta+more", "may only contain")]
    [TestCase("v1.2.3", "FromTag")]
    [TestCase(" 1.2.3", "whitespace")]
    public void Invalid_versions_are_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => SemanticVersion.Parse(text, "Chart.yaml version"));
        Assert.That(error!.Message, Does.Contain(reason));
    }

    [Test]
    public void Errors_name_the_source()
    {
        var error = Assert.Throws<FormatException>(() => SemanticVersion.Parse("1.x.0", "charts/api/Chart.yaml field 'version'"));
        Assert.That(error!.Message, Does.Contain("charts/api/Chart.yaml field 'version'"));
    }

    [Test]
    public void Tags_may_have_a_v_prefix()
    {
        Assert.That(SemanticVersion.FromTag("v1.4.0").ToString(), Is.EqualTo("1.4.0"));
        Assert.That(SemanticVersion.FromTag("1.4.0").ToString(), Is.EqualTo("1.4.0"));
        var error = Assert.Throws<FormatException>(() => SemanticVersion.FromTag("release-1.4"));
        Assert.That(error!.Message, Does.Contain("git tag 'release-1.4'"));
    }

    [Test]
    public void TryParse_reports_the_error_without_throwing()
    {
        Assert.That(SemanticVersion.TryParse("1.0", out var version, out var error), Is.False);
        Assert.That(version, Is.Null);
        Assert.That(error, Does.Contain("three numbers"));
        Assert.That(SemanticVersion.TryParse("1.0.1", out version, out error), Is.True);
        Assert.That(version!.Patch, Is.EqualTo(1));
        Assert.That(error, Is.Null);
    }

    [Test]
    public void Next_versions_reset_lower_numbers_and_drop_labels()
    {
        var version = SemanticVersion.Parse("1.3.2-rc.1+abc");
        Assert.That(version.NextMajor().ToString(), Is.EqualTo("2.0.0"));
        Assert.That(version.NextMinor().ToString(), Is.EqualTo("1.4.0"));
        Assert.That(version.NextPatch().ToString(), Is.EqualTo("1.3.3"));
    }

    [Test]
    public void Negative_numbers_are_refused()
    {
        Assert.Throws<FormatException>(() => _ = new SemanticVersion(1, -1, 0));
    }
}
