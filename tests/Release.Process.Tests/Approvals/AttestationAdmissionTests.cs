using Release.Process.Approvals;
using static Release.Process.Tests.Approvals.GateFixture;

namespace Release.Process.Tests.Approvals;

/// <summary>Attestations only from someone acting in the role that owns the item; each bypass attempt is refused.</summary>
public class AttestationAdmissionTests
{
    private readonly AttestationAdmission _admission = new(Clock);

    private AttestationRefusal? Check(Attestation attestation, Vote[]? votes = null, Attestation[]? earlier = null) =>
        _admission.Check(attestation, Candidate(), [Gate()], votes ?? [], earlier ?? []);

    [Test]
    public void The_owning_role_may_attest()
    {
        Assert.That(Check(Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre)), Is.Null);
        Assert.That(Check(Attest("dr-plan-drafted", "SRE@Bank.Example", ApprovalRole.Sre), [Go(ApprovalRole.Sre, "sre@bank.example")]), Is.Null);
    }

    [Test]
    public void Another_role_is_refused_naming_the_item_the_owner_and_the_fix()
    {
        var refusal = Check(Attest("dr-plan-drafted", "qa@bank.example", ApprovalRole.Qa));
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.WrongRole));
        Assert.That(refusal.Message, Does.Contain("Attestation of 'dr-plan-drafted' on release director-1.4.0 by qa@bank.example as Qa refused")
            .And.Contain("belongs to the Sre checklist").And.Contain("only someone acting as Sre may attest it")
            .And.Contain("./build.sh Attest --item dr-plan-drafted --role Sre"));
    }

    [Test]
    public void No_role_is_refused_with_the_role_to_give()
    {
        var refusal = Check(Attest("on-call-named", "sre@bank.example", null));
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.NoRole));
        Assert.That(refusal.Message, Does.Contain("names no role").And.Contain("belongs to the Sre checklist").And.Contain("--role Sre"));
    }

    [Test]
    public void Claiming_the_owning_role_after_voting_in_another_is_refused()
    {
        var refusal = Check(Attest("dr-plan-drafted", "qa@bank.example", ApprovalRole.Sre), [Go(ApprovalRole.Qa, "qa@bank.example", InWindow.AddMinutes(-1))]);
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.SecondRole));
        Assert.That(refusal.Message, Does.Contain("already voted as Qa on this release; one person fills one role per release")
            .And.Contain("the release's Sre must attest it"));
    }

    [Test]
    public void Claiming_a_second_role_through_attestations_is_refused()
    {
        var refusal = Check(Attest("load-test-report", "sre@bank.example", ApprovalRole.Qa), earlier: [Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre, InWindow.AddMinutes(-1))]);
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.SecondRole));
        Assert.That(refusal.Message, Does.Contain("already attested 'dr-plan-drafted' as Sre"));
    }

    [Test]
    public void An_author_cannot_attest_even_in_the_owning_role()
    {
        var refusal = Check(Attest("special-deployment-provisions", "Dev.One@bank.example", ApprovalRole.ModuleLead));
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.AuthorSelfAttestation));
        Assert.That(refusal.Message, Does.Contain("authored or committed changes in this release and cannot attest items that gate it")
            .And.Contain("another ModuleLead must attest 'special-deployment-provisions'"));
    }

    [Test]
    public void The_trigger_cannot_attest()
    {
        var refusal = Check(Attest("release-notes-ready", "releaser@bank.example", ApprovalRole.ProductManagement));
        Assert.That(refusal!.Reason, Is.EqualTo(AttestationRefusalReason.TriggerSelfAttestation));
        Assert.That(refusal.Message, Does.Contain("triggered this release"));
    }

    [Test]
    public void An_evidence_only_item_an_unknown_item_and_an_empty_statement_are_refused()
    {
        var evidence = Check(Attest("unit-tests-captured", "lead@bank.example", ApprovalRole.ModuleLead));
        Assert.That(evidence!.Reason, Is.EqualTo(AttestationRefusalReason.EvidenceOnly));
        Assert.That(evidence.Message, Does.Contain("only be satisfied by pipeline evidence 'unit-tests'"));
        var unknown = Check(Attest("dr-plan", "sre@bank.example", ApprovalRole.Sre));
        Assert.That(unknown!.Reason, Is.EqualTo(AttestationRefusalReason.UnknownItem));
        Assert.That(unknown.Message, Does.Contain("'dr-plan' is on no gate's checklist").And.Contain("dr-plan-drafted"));
        Assert.That(Check(Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre) with { Text = " " })!.Reason, Is.EqualTo(AttestationRefusalReason.Incomplete));
        Assert.That(Check(Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre) with { ReleaseId = "other-1.0.0" })!.Reason, Is.EqualTo(AttestationRefusalReason.WrongRelease));
    }

    [Test]
    public void An_item_about_pre_prod_is_attested_only_after_the_release_reached_pre_prod()
    {
        var qa = Attest("qa-suite-preprod", "qa@bank.example", ApprovalRole.Qa);
        var nowhere = _admission.Check(qa, Candidate(), [Gate()], [], []);
        Assert.That(nowhere!.Reason, Is.EqualTo(AttestationRefusalReason.NotYetInEnvironment));
        Assert.That(nowhere.Message, Does.Contain("is about pre-prod").And.Contain("has not been promoted to pre-prod")
            .And.Contain("./build.sh Promote --release director-1.4.0 --to pre-prod"));

        var later = Candidate() with { Reached = new Dictionary<string, DateTimeOffset> { ["pre-prod"] = InWindow.AddMinutes(5) } };
        var early = _admission.Check(qa, later, [Gate()], [], []);
        Assert.That(early!.Reason, Is.EqualTo(AttestationRefusalReason.NotYetInEnvironment));
        Assert.That(early.Message, Does.Contain("reached pre-prod only at"));

        var before = Candidate() with { Reached = new Dictionary<string, DateTimeOffset> { ["pre-prod"] = InWindow.AddMinutes(-5) } };
        Assert.That(_admission.Check(qa, before, [Gate()], [], []), Is.Null);
    }

    [Test]
    public void An_attestation_dated_after_now_is_refused()
    {
        Assert.That(Check(Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre, Clock.GetUtcNow().AddMinutes(1)))!.Reason,
            Is.EqualTo(AttestationRefusalReason.FromTheFuture));
    }

    [Test]
    public void The_role_a_person_acts_in_is_the_first_they_claimed()
    {
        var votes = new[] { Go(ApprovalRole.Qa, "sam@bank.example", InWindow.AddMinutes(1)) };
        var attestations = new[] { Attest("dr-plan-drafted", "Sam@bank.example", ApprovalRole.Sre, InWindow), Attest("on-call-named", "sam@bank.example", null, InWindow.AddMinutes(-5)) };
        Assert.That(AttestationAdmission.RoleClaimedBy("sam@bank.example", votes, attestations)!.Role, Is.EqualTo(ApprovalRole.Sre));
        Assert.That(AttestationAdmission.RoleClaimedBy("nobody@bank.example", votes, attestations), Is.Null);
    }
}
