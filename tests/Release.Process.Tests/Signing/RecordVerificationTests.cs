using Release.Process.Approvals;
using Release.Testing.Signing;

namespace Release.Process.Tests.Signing;

/// <summary>Which recorded events count once the roster names keys: only those signed by their actor, in place.</summary>
public class RecordVerificationTests
{
    private static readonly SshTestKeys Keys = new();
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 45, 0, TimeSpan.Zero);
    private KeygenSigner _lead = null!, _pm = null!, _job = null!, _eve = null!;
    private RoleRoster _roster = null!;

    [OneTimeSetUp]
    public void Keys_of_the_team()
    {
        _lead = new KeygenSigner(Keys, "lead@example.com");
        _pm = new KeygenSigner(Keys, "pm@example.com");
        _job = new KeygenSigner(Keys, "production-job");
        _eve = new KeygenSigner(Keys, "eve@example.com");
        _roster = new RoleRoster(new Dictionary<ApprovalRole, IReadOnlyList<string>>
            {
                [ApprovalRole.ModuleLead] = ["lead@example.com", "eve@example.com"], [ApprovalRole.ProductManagement] = ["pm@example.com"],
            })
            .WithKeys("lead@example.com", _lead.PublicKey).WithKeys("pm@example.com", _pm.PublicKey).WithKeys("eve@example.com", _eve.PublicKey)
            .WithJobKey("production-job", _job.PublicKey);
    }

    [OneTimeTearDown]
    public void Cleanup() => Keys.Dispose();

    private static VoteCast Go(string role, string voter, int minute) => new(At.AddMinutes(minute), "production", role, voter, VoteDecision.Go, "ready");

    private async Task<ReleaseRecord> OpenedAsync(string releaseId = "director-1.4.0") =>
        await RecordChain.SignAsync(ReleaseRecord.Create(releaseId, new ReleaseCreated(At, "1.4.0", "main", "abc1234", "rm@example.com", ["dev@example.com"])), 0, _job, CancellationToken.None);

    private static async Task<ReleaseRecord> AppendAsync(ReleaseRecord record, ReleaseEvent @event, Signing.KeygenSigner signer) =>
        await RecordChain.SignAsync(record.Append(@event), record.Events.Count, signer, CancellationToken.None);

    [Test]
    public async Task Events_signed_by_their_actors_count_with_the_key_owner_as_actor()
    {
        var record = await AppendAsync(await OpenedAsync(), Go("ModuleLead", "Lead@Example.com", 1), _lead);
        var verified = RecordVerification.Verify(record, [_roster]);
        Assert.That(verified.Refused, Is.Empty);
        Assert.That(verified.Trusted!.Votes().Single().Voter, Is.EqualTo("lead@example.com"), "who voted is the key's owner on the roster");
    }

    [Test]
    public async Task A_vote_committed_in_another_roles_name_is_refused_with_the_reason()
    {
        var opened = await OpenedAsync();
        // Unsigned, as if written straight into the records repository.
        var unsigned = opened.Append(Go("ProductManagement", "pm@example.com", 1) with { Previous = RecordChain.Head(opened) });
        Assert.That(RecordVerification.Verify(unsigned, [_roster]).Refused.Single(), Does.Contain("Go vote as ProductManagement by pm@example.com").And.Contain("unsigned"));
        // Signed by Eve (on the roster as ModuleLead) but cast in PM's name.
        var forged = await AppendAsync(opened, Go("ProductManagement", "pm@example.com", 1), _eve);
        var verified = RecordVerification.Verify(forged, [_roster]);
        Assert.That(verified.Refused.Single(), Does.Contain("signed by eve@example.com's key but cast in the name of pm@example.com"));
        Assert.That(verified.Trusted!.Votes(), Is.Empty);
    }

    [Test]
    public async Task A_CI_job_key_never_votes()
    {
        var record = await AppendAsync(await OpenedAsync(), Go("ModuleLead", "production-job", 1), _job);
        Assert.That(RecordVerification.Verify(record, [_roster]).Refused.Single(), Does.Contain("a job never votes or attests"));
    }

    [Test]
    public async Task A_replayed_a_copied_and_a_moved_event_are_refused()
    {
        var voted = await AppendAsync(await OpenedAsync(), Go("ModuleLead", "lead@example.com", 1), _lead);
        var replayed = voted.Append(voted.Events[1]);
        Assert.That(RecordVerification.Verify(replayed, [_roster]).Refused.Single(), Does.Contain("event 3").And.Contain("replayed"));

        var other = await OpenedAsync("director-1.5.0");
        var copied = other.Append(voted.Events[1] with { Previous = RecordChain.Head(other) });
        Assert.That(RecordVerification.Verify(copied, [_roster]).Refused.Single(), Does.Contain("does not match the signed content"));

        var pm = await AppendAsync(voted, Go("ProductManagement", "pm@example.com", 2), _pm);
        var moved = ReleaseRecord.Create(pm.ReleaseId, pm.Created).Append(pm.Events[2] with { At = At.AddMinutes(1) }).Append(pm.Events[1] with { At = At.AddMinutes(2) });
        Assert.That(RecordVerification.Verify(moved, [_roster]).Refused, Has.Some.Contains("out of order or copied"));
    }

    [Test]
    public async Task Without_keys_on_any_roster_nothing_is_required_and_an_unsigned_creation_with_keys_is_not_trusted()
    {
        var unsigned = ReleaseRecord.Create("director-1.4.0", new ReleaseCreated(At, "1.4.0", "main", "abc1234", "rm@example.com", []));
        Assert.That(RecordVerification.Verify(unsigned, [RoleRoster.Open]).Trusted, Is.SameAs(unsigned));
        var verified = RecordVerification.Verify(unsigned, [_roster]);
        Assert.That(verified.Trusted, Is.Null);
        Assert.That(verified.Refused.Single(), Does.Contain("creation").And.Contain("unsigned"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task A_retired_key_vouches_for_what_it_signed_before_and_nothing_after()
    {
        var record = await AppendAsync(await OpenedAsync(), Go("ModuleLead", "lead@example.com", 1), _lead);
        record = await AppendAsync(record, Go("ModuleLead", "lead@example.com", 30), _lead);
        var roster = RosterText.Parse($"""
            ModuleLead lead@example.com valid-before={At.AddMinutes(10):O} {_lead.PublicKey}
            job production-job {_job.PublicKey}
            """, "build/release-roster");
        var verified = RecordVerification.Verify(record, [roster]);
        Assert.That(verified.Trusted!.Votes().Single().CastAt, Is.EqualTo(At.AddMinutes(1)), "the vote cast while the key was valid counts");
        Assert.That(verified.Refused.Single(), Does.Contain("event 3").And.Contain("which the roster retired at"));
        Assert.That(() => RosterText.Parse($"Sre s@example.com valid-until=2026 {_lead.PublicKey}", "r"), Throws.TypeOf<FormatException>().With.Message.Contains("unknown option 'valid-until'"));
    }

    [Test]
    public void A_roster_line_marked_owner_makes_its_person_an_owner_of_its_role_only()
    {
        var roster = RosterText.Parse($"""
            Sre sre.lead@example.com owner {_lead.PublicKey}
            Sre sre@example.com {_pm.PublicKey}
            """, "build/release-roster");
        Assert.That(roster.Owns("SRE.Lead@example.com", ApprovalRole.Sre), Is.True);
        Assert.That(roster.Owns("sre@example.com", ApprovalRole.Sre), Is.False);
        Assert.That(roster.Owns("sre.lead@example.com", ApprovalRole.Qa), Is.False);
        Assert.That(roster.WithKeys("x@example.com", _job.PublicKey).Owns("sre.lead@example.com", ApprovalRole.Sre), Is.True, "adding a signer keeps the owners");
        Assert.That(() => RosterText.Parse($"- rm@example.com owner {_lead.PublicKey}", "r"),
            Throws.TypeOf<FormatException>().With.Message.Contains("r line 1: 'owner' needs a role to own"));
    }

    [Test]
    public void A_roster_file_names_roles_people_jobs_and_keys()
    {
        var roster = RosterText.Parse($"""
            # role  who  key
            ModuleLead lead@example.com {_lead.PublicKey} lead@laptop
            ProductManagement pm@example.com {_pm.PublicKey}
            job production-job {_job.PublicKey}
            """, "build/release-roster");
        Assert.That(roster.MembersOf(ApprovalRole.ModuleLead), Is.EqualTo(new[] { "lead@example.com" }));
        Assert.That(roster.Signers.Single(s => s.IsJob).Name, Is.EqualTo("production-job"));
        Assert.That(() => RosterText.Parse("Sre sre@example.com", "build/release-roster"),
            Throws.TypeOf<FormatException>().With.Message.Contains("build/release-roster line 1: expected 'ROLE WHO PUBLIC-KEY'"));
        Assert.That(() => RosterText.Parse($"Sre a@example.com {_lead.PublicKey}\nQa b@example.com {_lead.PublicKey}", "r"),
            Throws.TypeOf<FormatException>().With.Message.Contains("one key, one owner"));
    }
}
