using Release.Process.Approvals;
using static Release.Process.Tests.Approvals.GateFixture;

namespace Release.Process.Tests.Approvals;

public class VoteAdmissionTests
{
    private readonly VoteAdmission _admission = new(Clock);

    private VoteRefusal? Check(Vote vote, params Vote[] earlier) => _admission.Check(vote, Candidate(), Gate(), earlier);

    [Test]
    public void A_proper_vote_is_accepted()
    {
        Assert.That(Check(Go(ApprovalRole.Qa, "qa@bank.example")), Is.Null);
    }

    [Test]
    public void An_author_cannot_vote_Go_even_with_different_case()
    {
        var refusal = Check(Go(ApprovalRole.ModuleLead, "Dev.One@Bank.Example"));
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.AuthorSelfApproval));
        Assert.That(refusal.Message, Does.Contain("authored changes").And.Contain(ReleaseId).And.Contain("ModuleLead"));
    }

    [Test]
    public void The_trigger_cannot_vote_Go()
    {
        var refusal = Check(Go(ApprovalRole.Sre, "releaser@bank.example"));
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.TriggerSelfApproval));
        Assert.That(refusal.Message, Does.Contain("triggered this release"));
    }

    [Test]
    public void An_author_may_still_raise_a_NoGo()
    {
        var noGo = Go(ApprovalRole.ModuleLead, "dev.one@bank.example") with { Decision = VoteDecision.NoGo, Reason = "found a bug" };
        Assert.That(Check(noGo), Is.Null);
    }

    [Test]
    public void One_person_cannot_fill_two_roles()
    {
        var refusal = Check(Go(ApprovalRole.Qa, "pm@bank.example"), Go(ApprovalRole.ProductManagement, "pm@bank.example"));
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.SecondRole));
        Assert.That(refusal.Message, Does.Contain("already voted as ProductManagement"));
    }

    [Test]
    public void Attesting_in_a_role_claims_it_for_later_votes()
    {
        var candidate = Candidate() with { Attestations = [Attest("dr-plan-drafted", "sam@bank.example", ApprovalRole.Sre, InWindow.AddMinutes(-5))] };
        var refusal = _admission.Check(Go(ApprovalRole.Qa, "SAM@bank.example"), candidate, Gate(), []);
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.SecondRole));
        Assert.That(refusal.Message, Does.Contain("already attested 'dr-plan-drafted' as Sre").And.Contain("one person fills one role per release"));
        Assert.That(_admission.Check(Go(ApprovalRole.Sre, "sam@bank.example"), candidate, Gate(), []), Is.Null);
    }

    [Test]
    public void Voting_again_in_the_same_role_is_allowed()
    {
        Assert.That(Check(Go(ApprovalRole.Qa, "qa@bank.example"), Go(ApprovalRole.Qa, "qa@bank.example")), Is.Null);
    }

    [TestCase("2026-11-20T17:00:00+05:30", TestName = "At release time 17:00 IST")]
    [TestCase("2026-11-20T15:59:00+05:30", TestName = "Before 16:00 IST")]
    [TestCase("2026-11-20T10:00:00+00:00", TestName = "15:30 IST given in UTC")]
    [TestCase("2026-11-15T16:30:00+05:30", TestName = "On a Sunday")]
    public void A_vote_outside_the_window_is_refused(string at)
    {
        var refusal = Check(Go(ApprovalRole.Qa, "qa@bank.example", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.OutsideWindow));
        Assert.That(refusal.Message, Does.Contain("Mon/Tue/Wed/Thu/Fri 16:00-17:00 Asia/Kolkata"));
    }

    [Test]
    public void A_vote_given_in_another_offset_inside_the_window_is_accepted()
    {
        Assert.That(Check(Go(ApprovalRole.Qa, "qa@bank.example", new DateTimeOffset(2026, 11, 20, 10, 50, 0, TimeSpan.Zero))), Is.Null);
    }

    [Test]
    public void A_vote_dated_after_now_is_refused()
    {
        Assert.That(Check(Go(ApprovalRole.Qa, "qa@bank.example", Clock.GetUtcNow().AddMinutes(1)))!.Reason, Is.EqualTo(VoteRefusalReason.FromTheFuture));
    }

    [Test]
    public void A_role_that_does_not_vote_here_is_refused()
    {
        var refusal = Check(Go(new ApprovalRole("Security"), "sec@bank.example"));
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.RoleNotAtGate));
        Assert.That(refusal.Message, Does.Contain("ModuleLead, Sre, Qa, ProductManagement"));
    }

    [Test]
    public void NoGo_without_reason_and_votes_for_another_release_are_refused()
    {
        var noReason = Go(ApprovalRole.Qa, "qa@bank.example") with { Decision = VoteDecision.NoGo, Reason = " " };
        Assert.That(Check(noReason)!.Reason, Is.EqualTo(VoteRefusalReason.Incomplete));
        Assert.That(Check(Go(ApprovalRole.Qa, "qa@bank.example") with { ReleaseId = "other-1.0.0" })!.Reason, Is.EqualTo(VoteRefusalReason.WrongGate));
    }

    [Test]
    public void Admit_throws_with_the_refusal()
    {
        var error = Assert.Throws<VoteRefusedException>(() =>
            _admission.Admit(Go(ApprovalRole.Sre, "releaser@bank.example"), Candidate(), Gate(), []));
        Assert.That(error!.Refusal.Reason, Is.EqualTo(VoteRefusalReason.TriggerSelfApproval));
    }

    [Test]
    public void Unknown_time_zone_and_bad_window_are_refused()
    {
        var zone = Assert.Throws<ArgumentException>(() => _ = new VotingWindow("Mars/Olympus", new TimeOnly(16, 0), new TimeOnly(17, 0), [DayOfWeek.Monday]));
        Assert.That(zone!.Message, Does.Contain("Mars/Olympus"));
        Assert.Throws<ArgumentException>(() => _ = new VotingWindow("Asia/Kolkata", new TimeOnly(17, 0), new TimeOnly(16, 0), [DayOfWeek.Monday]));
        Assert.Throws<ArgumentException>(() => _ = new VotingWindow("Asia/Kolkata", new TimeOnly(16, 0), new TimeOnly(17, 0), []));
    }
}
