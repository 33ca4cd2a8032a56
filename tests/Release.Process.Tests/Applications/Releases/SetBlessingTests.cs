using Microsoft.Extensions.Time.Testing;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Promotion;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class SetBlessingTests
{
    private static readonly BlessingRule Rule = BlessingRule.SeedDefault(new FakeTimeProvider(T0));

    private static GateDecision Passed(ReleaseManifest set) => new(SetRecords.ReleaseId(set), "production", [ApprovalRole.ModuleLead], [], []);

    [Test]
    public void A_set_from_main_with_its_gate_passed_is_blessed_once_for_every_module()
    {
        var result = SetBlessing.Evaluate(Rule, Second(), "main", [Passed(Second())]);
        Assert.That(result.Missing, Is.Empty);
        Assert.That(result.Blessed!.Set.Digest, Is.EqualTo(Second().Digest));
        Assert.That(result.Blessed.BlessedAt, Is.EqualTo(T0));
    }

    [Test]
    public void A_gate_decided_on_another_release_a_feature_branch_and_a_pre_release_module_are_each_missing()
    {
        var beta = ReleaseManifest.Create("shop", V("1.1.0"), Second().Modules.Select(p => p.Module == "ledger" ? p with { Version = V("2.1.0-beta.2") } : p));
        var result = SetBlessing.Evaluate(Rule, beta, "feature/x", [Passed(First())]);
        Assert.That(result.IsBlessed, Is.False);
        Assert.That(result.Missing, Has.Some.Contains("built from 'feature/x'"));
        Assert.That(result.Missing, Has.Some.EqualTo("Gate 'production' has not been decided for release shop.set-1.1.0."));
        Assert.That(result.Missing, Has.Some.StartsWith("Module 'ledger' is pinned at pre-release 2.1.0-beta.2"));
    }
}
