using Release.Process.Applications.Releases;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

public class SetApprovalsTests
{
    [Test]
    public void A_vote_on_the_set_digest_is_accepted()
    {
        var set = Second();
        Assert.That(SetApprovals.Problems(ApprovalScope.Set, set, new ApprovalSubject("Vote", null, set.Digest.Value, "--release")), Is.Empty);
    }

    [Test]
    public void A_vote_on_a_module_where_the_policy_says_set_is_refused_with_the_place_and_the_fix()
    {
        var set = Second();
        var error = Assert.Throws<ReleaseSetException>(() =>
            SetApprovals.Check(ApprovalScope.Set, set, new ApprovalSubject("Vote", "ledger", set.Digest.Value, "--module")));
        Assert.That(error!.Problems.Single(), Does.StartWith("--module: Vote on module 'ledger' refused: application 'shop' approves its releases as a whole")
            .And.Contain(set.Digest.Value).And.Contain("leave out the module and name release shop 1.1.0"));
    }

    [Test]
    public void An_approval_cast_on_another_set_or_on_none_does_not_count()
    {
        var error = Assert.Throws<ReleaseSetException>(() =>
            SetApprovals.Check(ApprovalScope.Set, Second(), new ApprovalSubject("Blessing", null, First().Digest.Value, "event 7")));
        Assert.That(error!.Message, Does.StartWith($"event 7: Blessing was cast on set {First().Digest}, but release shop 1.1.0 is the set {Second().Digest}"));
        Assert.That(SetApprovals.Problems(ApprovalScope.Set, Second(), new ApprovalSubject("Attestation", null, null, "event 3")).Single(),
            Does.Contain("names no set digest"));
    }

    [Test]
    public void Where_the_policy_says_module_an_approval_names_a_module_of_the_set()
    {
        var set = Second();
        Assert.That(SetApprovals.Problems(ApprovalScope.Module, set, new ApprovalSubject("Vote", "ledger", null, "--module")), Is.Empty);
        Assert.That(SetApprovals.Problems(ApprovalScope.Module, set, new ApprovalSubject("Vote", null, null, "--release")).Single(),
            Does.Contain("approves each module on its own. Name the module (one of director, gateway, ledger)"));
        Assert.That(SetApprovals.Problems(ApprovalScope.Module, set, new ApprovalSubject("Vote", "billing", null, "--module")).Single(),
            Does.StartWith("--module: release shop 1.1.0 has no module 'billing'"));
    }
}
