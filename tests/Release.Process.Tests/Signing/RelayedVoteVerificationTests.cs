using Release.Process.Approvals;
using Release.Testing.Signing;

namespace Release.Process.Tests.Signing;

/// <summary>
/// Votes relayed from Slack: the ChatOps relay key (roster role <c>chatops</c>) vouches only for votes naming the Slack
/// user they came from, in the name of the person the roster maps that user to, and signs nothing else.
/// </summary>
public class RelayedVoteVerificationTests
{
    private static readonly SshTestKeys Keys = new();
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 45, 0, TimeSpan.Zero);
    private KeygenSigner _relay = null!, _qa = null!, _job = null!;
    private RoleRoster _roster = null!;

    [OneTimeSetUp]
    public void Keys_of_the_team()
    {
        _relay = new KeygenSigner(Keys, "slack-release-bot");
        _qa = new KeygenSigner(Keys, "qa@example.com");
        _job = new KeygenSigner(Keys, "production-job");
        _roster = RosterText.Parse(
            $"""
             Qa       qa@example.com     slack=UQA000001 {_qa.PublicKey}
             chatops  slack-release-bot  {_relay.PublicKey}
             job      production-job     {_job.PublicKey}
             """, "release-roster");
    }

    [OneTimeTearDown]
    public void Cleanup() => Keys.Dispose();

    private static VoteCast Go(string voter, string? via) => new(At.AddMinutes(1), "production", "Qa", voter, VoteDecision.Go, "ready", via);

    private async Task<ReleaseRecord> OpenedAsync() =>
        await RecordChain.SignAsync(ReleaseRecord.Create("director-1.4.0", new ReleaseCreated(At, "1.4.0", "main", "abc1234", "rm@example.com", ["dev@example.com"])), 0, _job, CancellationToken.None);

    private static async Task<ReleaseRecord> AppendAsync(ReleaseRecord record, ReleaseEvent @event, KeygenSigner signer) =>
        await RecordChain.SignAsync(record.Append(@event), record.Events.Count, signer, CancellationToken.None);

    [Test]
    public void The_roster_reads_the_relay_key_and_the_Slack_mapping()
    {
        Assert.That(_roster.Signers.Single(s => s.Name == "slack-release-bot").IsRelay, Is.True);
        Assert.That(_roster.Signers.Where(s => s.Name != "slack-release-bot").Select(s => s.IsRelay), Is.All.False);
        Assert.That(_roster.PersonOfSlackUser("UQA000001"), Is.EqualTo("qa@example.com"));
        Assert.That(_roster.PersonOfSlackUser("UOTHER001"), Is.Null);
        Assert.That(_roster.MembersOf(ApprovalRole.Qa), Is.EqualTo(new[] { "qa@example.com" }));
    }

    [Test]
    public void A_Slack_mapping_on_a_key_that_is_not_a_persons_or_given_to_two_people_is_refused_naming_the_line()
    {
        var key = _relay.PublicKey;
        Assert.That(() => RosterText.Parse($"chatops bot slack=U1234567 {key}", "roster"), Throws.InstanceOf<FormatException>().With.Message.Contains("roster line 1").And.Message.Contains("person's line"));
        Assert.That(() => RosterText.Parse($"Qa a@x slack=U1234567 {key}\nSre b@x slack=U1234567 {_qa.PublicKey}", "roster"),
            Throws.InstanceOf<FormatException>().With.Message.Contains("line 2").And.Message.Contains("one Slack user is one person"));
        Assert.That(() => RosterText.Parse($"Qa a@x slack=u-lower {key}", "roster"), Throws.InstanceOf<FormatException>().With.Message.Contains("not a Slack user id"));
    }

    [Test]
    public async Task A_vote_relayed_for_the_mapped_person_counts_in_their_name()
    {
        var record = await AppendAsync(await OpenedAsync(), Go("qa@example.com", "slack:T0TEAM001/UQA000001"), _relay);
        var verified = RecordVerification.Verify(record, [_roster]);
        Assert.That(verified.Refused, Is.Empty);
        Assert.That(verified.Trusted!.Votes().Single().Voter, Is.EqualTo("qa@example.com"));
    }

    [Test]
    public async Task The_relay_cannot_vote_for_someone_its_Slack_user_is_not_nor_without_a_Slack_user_nor_sign_anything_else()
    {
        var opened = await OpenedAsync();
        var other = RecordVerification.Verify(await AppendAsync(opened, Go("pm@example.com", "slack:T0TEAM001/UQA000001"), _relay), [_roster]);
        Assert.That(other.Refused.Single(), Does.Contain("from Slack user UQA000001, whom the roster does not map to pm@example.com"));
        var unnamed = RecordVerification.Verify(await AppendAsync(opened, Go("qa@example.com", null), _relay), [_roster]);
        Assert.That(unnamed.Refused.Single(), Does.Contain("names no Slack user"));
        var blessing = RecordVerification.Verify(await AppendAsync(opened, new ReleaseBlessed(At.AddMinutes(2), "sha256:" + new string('a', 64), "sha256:" + new string('b', 64)), _relay), [_roster]);
        Assert.That(blessing.Refused.Single(), Does.Contain("signs only votes cast in Slack"));
        Assert.That(other.Trusted!.Votes().Concat(unnamed.Trusted!.Votes()), Is.Empty);
    }

    [Test]
    public async Task A_persons_own_key_cannot_claim_a_vote_was_relayed()
    {
        var record = await AppendAsync(await OpenedAsync(), Go("qa@example.com", "slack:T0TEAM001/UQA000001"), _qa);
        Assert.That(RecordVerification.Verify(record, [_roster]).Refused.Single(), Does.Contain("only the ChatOps relay key signs relayed votes"));
    }
}
