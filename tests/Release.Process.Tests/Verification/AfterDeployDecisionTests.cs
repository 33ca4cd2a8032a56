using Release.Process.Verification;

namespace Release.Process.Tests.Verification;

public class AfterDeployDecisionTests
{
    [Test]
    public void A_release_that_passed_stays() =>
        Assert.That(AfterDeployDecision.Decide(0, true, "1.2.3", out _), Is.EqualTo(AfterDeployAction.Keep));

    [Test]
    public void A_failure_goes_back_to_the_previous_release_without_a_person()
    {
        Assert.That(AfterDeployDecision.Decide(2, true, "1.2.3", out var reason), Is.EqualTo(AfterDeployAction.RollBack));
        Assert.That(reason, Is.EqualTo("rolling back to the previous release 1.2.3"));
    }

    [Test]
    public void With_rollback_turned_off_the_failing_release_stays_and_the_reason_names_the_flag()
    {
        Assert.That(AfterDeployDecision.Decide(1, false, "1.2.3", out var reason), Is.EqualTo(AfterDeployAction.FailInPlace));
        Assert.That(reason, Does.Contain("AutomaticRollback = false"));
    }

    [Test]
    public void Without_a_previous_release_there_is_nothing_to_go_back_to()
    {
        Assert.That(AfterDeployDecision.Decide(1, true, null, out var reason), Is.EqualTo(AfterDeployAction.FailInPlace));
        Assert.That(reason, Does.Contain("no previous release"));
    }
}
