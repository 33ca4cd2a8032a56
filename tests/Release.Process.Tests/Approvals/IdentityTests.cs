using Release.Process.Approvals;

namespace Release.Process.Tests.Approvals;

/// <summary>An author spelled the ways mail systems accept is still the author.</summary>
public class IdentityTests
{
    [TestCase("dana+rel@example.com")]
    [TestCase("dana\u200B@example.com")]
    [TestCase("dana@example.com.")]
    [TestCase("mailto:dana@example.com")]
    [TestCase(" Dana@Example.COM ")]
    [TestCase("\uFEFFdana@exam\u200Dple.com")]
    public void Spellings_of_one_address_are_one_person(string spelling)
    {
        Assert.That(Identity.Same(spelling, "dana@example.com"), Is.True);
        Assert.That(Identity.Same(spelling, "dan@example.com"), Is.False);
    }

    [Test]
    public void An_author_cannot_vote_Go_under_another_spelling()
    {
        var candidate = new ReleaseCandidate(GateFixture.ReleaseId, ["dana@example.com"], "releaser@bank.example", new HashSet<string>(), [], new Dictionary<string, DateTimeOffset>());
        foreach (var spelling in new[] { "dana+rel@example.com", "dana\u200B@example.com", "dana@example.com.", "mailto:dana@example.com" })
            Assert.That(new VoteAdmission(GateFixture.Clock).Check(GateFixture.Go(ApprovalRole.ModuleLead, spelling), candidate, GatePolicy.SeedDefault(), [])?.Reason,
                Is.EqualTo(VoteRefusalReason.AuthorSelfApproval), spelling);
    }
}
