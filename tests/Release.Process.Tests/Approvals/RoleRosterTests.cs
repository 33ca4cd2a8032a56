using Release.Process.Approvals;
using static Release.Process.Tests.Approvals.GateFixture;

namespace Release.Process.Tests.Approvals;

/// <summary>A gate with a roster takes votes and attestations in a named role only from its members.</summary>
public class RoleRosterTests
{
    private static readonly RoleRoster Roster = new(new Dictionary<ApprovalRole, IReadOnlyList<string>>
    {
        [ApprovalRole.Sre] = ["sre@bank.example", "sre.two@bank.example"],
        [ApprovalRole.Qa] = ["qa@bank.example"],
    });

    private static GatePolicy RosteredGate() => Gate().WithRoster(Roster);

    [Test]
    public void A_vote_in_a_named_role_from_someone_not_on_it_is_refused_naming_the_members()
    {
        var refusal = new VoteAdmission(Clock).Check(Go(ApprovalRole.Sre, "mallory@bank.example"), Candidate(), RosteredGate(), []);
        Assert.That(refusal!.Reason, Is.EqualTo(VoteRefusalReason.NotOnRoster));
        Assert.That(refusal.Message, Does.Contain("mallory@bank.example is not on the Sre roster (sre@bank.example, sre.two@bank.example)")
            .And.Contain("add mallory@bank.example to the roster"));
        Assert.That(new VoteAdmission(Clock).Check(Go(ApprovalRole.Sre, "SRE.Two@bank.example"), Candidate(), RosteredGate(), []), Is.Null, "members match case-insensitively");
        Assert.That(new VoteAdmission(Clock).Check(Go(ApprovalRole.ModuleLead, "anyone@bank.example"), Candidate(), RosteredGate(), []), Is.Null, "a role the roster leaves out is open");
    }

    [Test]
    public void An_attestation_in_a_named_role_from_someone_not_on_it_is_refused()
    {
        var refusal = new AttestationAdmission(Clock).Check(Attest("dr-plan-drafted", "mallory@bank.example", ApprovalRole.Sre), Candidate(), [RosteredGate()], [], []);
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.NotOnRoster));
        Assert.That(refusal.Message, Does.Contain("is not on the Sre roster"));
        Assert.That(new AttestationAdmission(Clock).Check(Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre), Candidate(), [RosteredGate()], [], []), Is.Null);
    }

    [Test]
    public void The_evaluator_does_not_count_a_recorded_vote_from_outside_the_roster()
    {
        var votes = AllGo().Select(v => v.Role == ApprovalRole.Qa ? v with { Voter = "mallory@bank.example" } : v).ToArray();
        var decision = new GateEvaluator(Clock).Evaluate(RosteredGate(), Candidate(), votes);
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.Blockers, Has.Some.Contains("Qa"));
        Assert.That(new GateEvaluator(Clock).Evaluate(RosteredGate(), Candidate(), AllGo()).Passed, Is.True);
    }

    [Test]
    public void A_role_named_with_nobody_is_a_definition_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new RoleRoster(new Dictionary<ApprovalRole, IReadOnlyList<string>> { [ApprovalRole.Qa] = [] }));
        Assert.That(error!.Message, Does.Contain("role Qa names nobody"));
    }
}
