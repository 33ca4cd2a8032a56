using Release.Scanning.Model;
using Release.Scanning.Sources.Osv;

namespace Release.Scanning.Tests;

public sealed class CvssSeverityTests
{
    // Scores as published by NVD for these vectors.
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    [TestCase("CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N", 2.5)]
    [TestCase("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    public void Base_score_matches_published_scores(string vector, double expected) =>
        Assert.That(CvssSeverity.BaseScore(vector), Is.EqualTo(expected));

    [Test]
    public void Incomplete_or_other_version_vectors_give_no_score()
    {
        Assert.That(CvssSeverity.BaseScore("CVSS:3.1/AV:N/AC:L"), Is.Null);
        Assert.That(CvssSeverity.BaseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"), Is.Null);
    }

    [TestCase(9.0, Severity.Critical)]
    [TestCase(8.9, Severity.High)]
    [TestCase(4.0, Severity.Medium)]
    [TestCase(0.1, Severity.Low)]
    public void Score_maps_to_rating(double score, Severity expected) => Assert.That(CvssSeverity.FromScore(score), Is.EqualTo(expected));
}
