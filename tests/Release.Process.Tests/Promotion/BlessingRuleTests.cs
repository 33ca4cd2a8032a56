using Microsoft.Extensions.Time.Testing;
using Release.Process.Approvals;
using Release.Process.Promotion;
using static Release.Process.Tests.Promotion.PromotionFixture;

namespace Release.Process.Tests.Promotion;

public class BlessingRuleTests
{
    private readonly BlessingRule _rule = BlessingRule.SeedDefault(new FakeTimeProvider(T0));

    private static GateDecision Passed() => new("director-1.4.0", "production", [ApprovalRole.Qa], [], []);

    private static BlessingInput Input(string branch = "main", string version = "1.4.0", params GateDecision[] decisions) =>
        new("director-1.4.0", V(version), branch, Digest('a'), Digest('b'), decisions.Length > 0 ? decisions : [Passed()]);

    [Test]
    public void A_release_from_main_with_its_gate_passed_is_blessed_with_both_digests()
    {
        var result = _rule.Evaluate(Input());
        Assert.That(result.Missing, Is.Empty);
        Assert.That(result.Blessed!.ImageDigest.Value, Is.EqualTo(Digest('a')));
        Assert.That(result.Blessed.ChartDigest.Value, Is.EqualTo(Digest('b')));
        Assert.That(result.Blessed.BlessedAt, Is.EqualTo(T0));
    }

    [Test]
    public void Everything_missing_is_listed()
    {
        var failed = new GateDecision("director-1.4.0", "production", [], ["NoGo from sre@x (Sre): DR plan missing"], []);
        var result = _rule.Evaluate(Input("develop", "1.4.0-alpha.3", failed) with { ChartDigest = "latest" });
        Assert.That(result.IsBlessed, Is.False);
        Assert.That(result.Missing, Has.Count.EqualTo(4));
        Assert.That(result.Missing[0], Does.Contain("'develop'").And.Contain("main or master"));
        Assert.That(result.Missing[1], Does.Contain("pre-release"));
        Assert.That(result.Missing[2], Does.Contain("Chart digest").And.Contain("'latest'"));
        Assert.That(result.Missing[3], Is.EqualTo("Gate 'production': NoGo from sre@x (Sre): DR plan missing"));
    }

    [Test]
    public void An_undecided_gate_or_a_decision_for_another_release_does_not_count()
    {
        var other = Passed() with { ReleaseId = "director-1.3.0" };
        Assert.That(_rule.Evaluate(Input(decisions: other)).Missing.Single(), Does.Contain("has not been decided"));
    }
}
