using Release.Process.Approvals;
using static Release.Process.Tests.Approvals.GateFixture;

namespace Release.Process.Tests.Approvals;

public class GateEvaluatorTests
{
    private readonly GateEvaluator _evaluator = new(Clock);

    [Test]
    public void All_roles_Go_with_the_checklist_satisfied_passes()
    {
        var decision = _evaluator.Evaluate(Gate(), Candidate(), AllGo());
        Assert.That(decision.Blockers, Is.Empty);
        Assert.That(decision.Passed, Is.True);
        Assert.That(decision.GoRoles, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_missing_role_blocks_and_is_named()
    {
        var decision = _evaluator.Evaluate(Gate(), Candidate(), AllGo().Where(v => v.Role != ApprovalRole.Qa).ToArray());
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.Blockers.Single(), Does.Contain("3 of 4").And.Contain("no Go yet from: Qa"));
    }

    [Test]
    public void A_NoGo_vetoes_even_when_the_quorum_is_met()
    {
        var votes = AllGo().Append(Go(ApprovalRole.Sre, "sre2@bank.example") with { Decision = VoteDecision.NoGo, Reason = "DB migration untested" }).ToArray();
        var decision = _evaluator.Evaluate(Gate(), Candidate(), votes);
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.Blockers.Single(), Is.EqualTo("NoGo from sre2@bank.example (Sre): DB migration untested"));
    }

    [Test]
    public void A_later_Go_from_the_same_voter_replaces_their_NoGo()
    {
        var noGo = Go(ApprovalRole.Sre, "sre@bank.example") with { Decision = VoteDecision.NoGo, Reason = "wait" };
        var votes = new[] { noGo }.Concat(AllGo()).ToArray();
        Assert.That(_evaluator.Evaluate(Gate(), Candidate(), votes).Passed, Is.True);
    }

    [Test]
    public void The_owner_of_a_role_lifts_a_NoGo_cast_in_it_before_their_Go_and_no_other_member_does()
    {
        var roster = new RoleRoster(new Dictionary<ApprovalRole, IReadOnlyList<string>>
        {
            [ApprovalRole.Sre] = ["sre@bank.example", "sre2@bank.example", "sre.lead@bank.example"],
        }).WithOwner(ApprovalRole.Sre, "sre.lead@bank.example");
        var gate = Gate().WithRoster(roster);
        var noGo = Go(ApprovalRole.Sre, "sre2@bank.example") with { Decision = VoteDecision.NoGo, Reason = "rota empty" };
        var ownerGo = Go(ApprovalRole.Sre, "sre.lead@bank.example");
        var memberGo = Go(ApprovalRole.Sre, "sre@bank.example");

        Assert.That(_evaluator.Evaluate(gate, Candidate(), [.. AllGo(), noGo, ownerGo]).Vetoes, Is.Empty, "the owner's later Go lifts it");
        Assert.That(_evaluator.Evaluate(gate, Candidate(), [.. AllGo(), ownerGo, noGo]).Vetoes.Single(), Does.Contain("rota empty"), "a NoGo after the owner's Go stands");
        Assert.That(_evaluator.Evaluate(gate, Candidate(), [.. AllGo().Where(v => v.Role != ApprovalRole.Sre), noGo, memberGo]).Vetoes, Has.Count.EqualTo(1),
            "another member's Go does not lift it");
    }

    [Test]
    public void Self_approval_in_the_record_is_ignored_and_reported()
    {
        var votes = AllGo().Where(v => v.Role != ApprovalRole.ModuleLead).Append(Go(ApprovalRole.ModuleLead, "dev.two@bank.example")).ToArray();
        var decision = _evaluator.Evaluate(Gate(), Candidate(), votes);
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.IgnoredVotes.Single(), Does.Contain("authored changes"));
        Assert.That(decision.Blockers.Single(), Does.Contain("ModuleLead"));
    }

    [Test]
    public void A_person_voting_in_a_second_role_is_ignored_but_a_refused_first_vote_does_not_lock_them_in()
    {
        var secondRole = AllGo().Append(Go(ApprovalRole.Sre, "qa@bank.example")).ToArray();
        Assert.That(_evaluator.Evaluate(Gate(), Candidate(), secondRole).IgnoredVotes.Single(), Does.Contain("already voted as Qa"));

        var lateThenProper = new[] { Go(ApprovalRole.Sre, "qa@bank.example", InWindow.AddHours(2)) }.Concat(AllGo()).ToArray();
        var decision = _evaluator.Evaluate(Gate(), Candidate(), lateThenProper);
        Assert.That(decision.IgnoredVotes.Single(), Does.Contain("outside the voting window"));
        Assert.That(decision.Passed, Is.True);
    }

    [Test]
    public void Quorum_of_N_of_M_passes_with_N_roles()
    {
        var gate = new GatePolicy("staging", [ApprovalRole.ModuleLead, ApprovalRole.Qa, ApprovalRole.Sre], QuorumRule.AtLeast(2), [], null);
        var votes = AllGo().Take(2).Select(v => v with { Environment = "staging" }).ToArray();
        Assert.That(_evaluator.Evaluate(gate, Candidate(), votes).Passed, Is.True);
        Assert.That(_evaluator.Evaluate(gate, Candidate(), votes.Take(1).ToArray()).Blockers.Single(), Does.Contain("at least 2 of the required roles"));
    }

    [Test]
    public void Missing_evidence_and_attestations_block_with_the_item_named()
    {
        var candidate = Candidate("unit-tests") with { Attestations = [] };
        var decision = _evaluator.Evaluate(Gate(), candidate, AllGo());
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.Blockers, Has.Some.Contains("'qa-suite-preprod' (Qa)").And.Some.Contains("needs evidence 'qa-suite-preprod' or an attestation by someone acting as Qa"));
        Assert.That(decision.Blockers, Has.Some.Contains("'dr-plan-drafted' (Sre)").And.Some.Contains("record an attestation"));
        Assert.That(decision.Blockers.Count(b => b.StartsWith("Checklist", StringComparison.Ordinal)), Is.EqualTo(7));
    }

    [Test]
    public void An_attestation_satisfies_an_item_that_allows_it()
    {
        var candidate = Candidate(GateFixture.AllEvidence.Where(e => e != "load-test-report").ToArray());
        Assert.That(_evaluator.Evaluate(Gate(), candidate, AllGo()).Passed, Is.False);
        var attested = candidate with { Attestations = [.. candidate.Attestations, Attest("load-test-report", "qa@bank.example", ApprovalRole.Qa)] };
        Assert.That(_evaluator.Evaluate(Gate(), attested, AllGo()).Passed, Is.True);
    }

    [Test]
    public void An_attestation_in_the_record_by_the_wrong_role_an_author_or_without_a_role_does_not_count()
    {
        var candidate = Candidate() with { Attestations = [] };
        var forged = candidate with
        {
            Attestations =
            [
                Attest("special-deployment-provisions", "lead@bank.example", ApprovalRole.ModuleLead, InWindow.AddHours(-3)),
                Attest("dr-plan-drafted", "qa@bank.example", ApprovalRole.Qa, InWindow.AddHours(-3)),       // Qa does not own it
                Attest("on-call-named", "dev.one@bank.example", ApprovalRole.Sre, InWindow.AddHours(-3)),   // an author
                Attest("on-call-named", "sre@bank.example", null, InWindow.AddHours(-3)),                   // recorded without a role
            ],
        };
        var decision = _evaluator.Evaluate(Gate(), forged, AllGo());
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.IgnoredAttestations, Has.Count.EqualTo(3));
        Assert.That(decision.IgnoredAttestations, Has.Some.Contains("'dr-plan-drafted'").And.Some.Contains("belongs to the Sre checklist"));
        Assert.That(decision.IgnoredAttestations, Has.Some.Contains("authored or committed changes"));
        Assert.That(decision.IgnoredAttestations, Has.Some.Contains("names no role"));
        Assert.That(decision.Blockers, Has.Some.Contains("'dr-plan-drafted' (Sre) not satisfied").And.Some.Contains("--role Sre"));
        Assert.That(decision.Blockers, Has.Some.Contains("'on-call-named' (Sre) not satisfied"));
        Assert.That(decision.Blockers, Has.None.Contains("special-deployment-provisions"));
    }

    [Test]
    public void A_vote_after_attesting_in_another_role_is_not_counted()
    {
        // pm@ attested a Qa item as Qa, so Qa is their role on this release; their later ProductManagement Go is a second role.
        var candidate = Candidate() with { Attestations = [.. Candidate().Attestations, Attest("load-test-report", "pm@bank.example", ApprovalRole.Qa, InWindow.AddHours(-1))] };
        var decision = _evaluator.Evaluate(Gate(), candidate, AllGo());
        Assert.That(decision.IgnoredVotes.Single(), Does.Contain("pm@bank.example").And.Contain("already attested 'load-test-report' as Qa"));
        Assert.That(decision.Blockers.Single(), Does.Contain("no Go yet from: ProductManagement"));
    }

    [Test]
    public void Invalid_gate_policies_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _ = new GatePolicy("production", [], QuorumRule.AllRequiredRoles, [], null));
        var quorum = Assert.Throws<ArgumentException>(() => _ = new GatePolicy("production", [ApprovalRole.Qa], QuorumRule.AtLeast(2), [], null));
        Assert.That(quorum!.Message, Does.Contain("production"));
        var item = Assert.Throws<ArgumentException>(() => _ = new GatePolicy("production", [ApprovalRole.Qa], QuorumRule.AllRequiredRoles, SeedChecklist.Items(), null));
        Assert.That(item!.Message, Does.Contain("does not vote here"));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuorumRule.AtLeast(0));
        Assert.Throws<ArgumentException>(() => _ = new ApprovalRole("Release Manager"));
    }
}
