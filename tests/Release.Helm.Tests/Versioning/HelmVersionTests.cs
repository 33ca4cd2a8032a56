using Release.Helm.Versioning;

namespace Release.Helm.Tests.Versioning;

/// <summary>Chart versions: SemVer 2 through the shared type, with Helm-specific advice when a version is refused.</summary>
public class HelmVersionTests
{
    [TestCase("1.2.3")]
    [TestCase("0.0.0")]
    [TestCase("1.2.3-rc.1")]
    [TestCase("1.2.3-g0156133")]
    [TestCase("1.2.3+0156133")]
    [TestCase("10.20.30-alpha.beta+build.7")]
    public void Accepts_valid_SemVer_2(string text)
    {
        Assert.That(HelmVersion.TryParse(text, out var problem)?.ToString(), Is.EqualTo(text));
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void Module_prefixed_tag_is_rejected_with_a_concrete_fix()
    {
        var error = Assert.Throws<FormatException>(() => HelmVersion.Parse("director-1-2-3-abc1234", "Chart.yaml: version"))!;
        Assert.That(error.Message, Does.Contain("Chart.yaml: version"));
        Assert.That(error.Message, Does.Contain("'director-1-2-3-abc1234'"));
        Assert.That(error.Message, Does.Contain("'1.2.3-abc1234'"));
    }

    [Test]
    public void Numeric_short_sha_with_leading_zero_is_rejected_with_prefix_advice()
    {
        Assert.That(HelmVersion.TryParse("1.2.3-0156133", out var problem), Is.Null);
        Assert.That(problem, Does.Contain("'g0156133'"));
    }

    [Test]
    public void Leading_v_is_rejected_with_advice_to_drop_it()
    {
        Assert.That(HelmVersion.TryParse("v1.2.3", out var problem), Is.Null);
        Assert.That(problem, Does.Contain("'1.2.3'"));
    }

    [TestCase("1.2")]
    [TestCase("01.2.3")]
    [TestCase("1.2.3-")]
    [TestCase("")]
    public void Rejects_invalid_versions(string text) => Assert.That(HelmVersion.TryParse(text, out _), Is.Null);

    [Test]
    public void Orders_by_SemVer_precedence_ignoring_build_metadata()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0"];
        var shuffled = ordered.Reverse().Select(v => HelmVersion.Parse(v, "test")).OrderBy(v => v).Select(v => v.ToString());
        Assert.That(shuffled, Is.EqualTo(ordered));
        Assert.That(HelmVersion.Parse("1.0.0+a", "t").CompareTo(HelmVersion.Parse("1.0.0+b", "t")), Is.Zero);
    }
}
