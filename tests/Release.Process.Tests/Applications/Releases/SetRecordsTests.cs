using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Process.Tests.Signing;
using Release.Testing.Signing;
using static Release.Process.Tests.Applications.Releases.SetFixture;

namespace Release.Process.Tests.Applications.Releases;

/// <summary>
/// Application releases in signed release records: the manifest is one signed event every later event is chained to,
/// so a manifest rewritten in the records repository (consistently: new digest for the new text) counts for nothing.
/// </summary>
public class SetRecordsTests
{
    private static readonly SshTestKeys Keys = new();
    private KeygenSigner _lead = null!, _job = null!, _eve = null!;
    private RoleRoster _roster = null!;

    [OneTimeSetUp]
    public void Keys_of_the_team()
    {
        _lead = new KeygenSigner(Keys, "lead@example.com");
        _job = new KeygenSigner(Keys, "production-job");
        _eve = new KeygenSigner(Keys, "eve@example.com");
        _roster = new RoleRoster(new Dictionary<ApprovalRole, IReadOnlyList<string>> { [ApprovalRole.ModuleLead] = ["lead@example.com", "eve@example.com"] })
            .WithKeys("lead@example.com", _lead.PublicKey).WithKeys("eve@example.com", _eve.PublicKey).WithJobKey("production-job", _job.PublicKey);
    }

    [OneTimeTearDown]
    public void Cleanup() => Keys.Dispose();

    private static Task<ReleaseRecord> AppendAsync(ReleaseRecord record, ReleaseEvent @event, KeygenSigner signer) =>
        RecordChain.SignAsync(record.Append(@event), record.Events.Count, signer, CancellationToken.None);

    // Opened with its set, a Go on the set, blessed, and on every environment before production.
    private async Task<ReleaseRecord> BlessedAsync(ReleaseManifest set)
    {
        var created = ReleaseRecord.Create(SetRecords.ReleaseId(set), new ReleaseCreated(T0, set.Version.ToString(), "main", "abc1234", "rm@example.com", ["dev@example.com"]));
        var record = await RecordChain.SignAsync(created.Append(SetRecords.Recorded(set, T0)), 0, _job, CancellationToken.None);
        record = await AppendAsync(record, new VoteCast(T0.AddMinutes(1), "production", "ModuleLead", "lead@example.com", VoteDecision.Go, "ready"), _lead);
        record = await AppendAsync(record, SetRecords.Blessing(set, T0.AddMinutes(2)), _job);
        foreach (var (environment, minute) in new[] { ("staging-eu", 3), ("staging-us", 3), ("pre-prod", 4) })
            record = await AppendAsync(record, SetRecords.Promotion(set, environment, "production-job", T0.AddMinutes(minute)), _job);
        return record;
    }

    private ReleaseRecord Trusted(ReleaseRecord record) => RecordVerification.Verify(record, [_roster]).Trusted!;

    [Test]
    public async Task A_signed_set_reads_back_from_its_JSON_as_the_same_set_with_its_blessing_and_promotions()
    {
        var stored = ReleaseRecordJson.Deserialize(ReleaseRecordJson.Serialize(await BlessedAsync(First())), "releases/shop.set-1.0.0.json");
        var verified = RecordVerification.Verify(stored, [_roster]);
        Assert.That(verified.Refused, Is.Empty);
        Assert.That(SetRecords.ManifestOf(verified.Trusted!)!.Digest, Is.EqualTo(First().Digest));

        var history = SetHistory.From("shop", [verified.Trusted!]);
        Assert.That(history.Blessed.Single().Set.Digest, Is.EqualTo(First().Digest));
        Assert.That(history.Deployments.Select(d => d.Environment), Is.EqualTo(new[] { "staging-eu", "staging-us", "pre-prod" }));
        var plan = new BatchPromotionPlanner(Chain(), Sample()).Plan(new SetPromotionRequest(First(), ["production"]), history.Blessed, history.Deployments);
        Assert.That(plan.Environments.Single().Rollout.Changed, Is.EqualTo(new[] { "director", "ledger", "gateway" }));
    }

    [Test]
    public async Task A_manifest_rewritten_consistently_in_the_records_counts_for_nothing_and_production_refuses_the_set()
    {
        var record = await BlessedAsync(First());
        var tampered = ReleaseManifest.Create("shop", V("1.0.0"), First().Modules.Select(p => p.Module == "gateway" ? Pin("gateway", "0.3.0", '5') : p));
        // An insider edits the stored set event: the new manifest and its own correct digest, link and signature kept.
        var stored = (SetRecorded)record.Events[1];
        var rewritten = record.Events.Skip(2).Aggregate(
            ReleaseRecord.Create(record.ReleaseId, record.Created).Append(stored with { Digest = tampered.Digest.Value, Manifest = tampered.Canonical }),
            (r, e) => r.Append(e));

        Assert.That(rewritten.FindRewriteOf(record), Does.Contain("event 2 (SetRecorded"), "the records repository's history check names the change");
        var verified = RecordVerification.Verify(rewritten, [_roster]);
        Assert.That(verified.Refused[0], Does.StartWith("event 2 (SetRecorded").And.Contain("signature"));
        Assert.That(verified.Refused.Skip(1), Has.All.Contains("out of order or copied"), "every event chained after the set falls with it");
        Assert.That(SetRecords.ManifestOf(verified.Trusted!), Is.Null);

        var history = SetHistory.From("shop", [verified.Trusted!]);
        var error = Assert.Throws<PromotionRefusedException>(() =>
            new BatchPromotionPlanner(Chain(), Sample()).Plan(new SetPromotionRequest(tampered, ["production"]), history.Blessed, history.Deployments));
        Assert.That(error!.Problems, Has.Some.StartsWith("Unblessed set").And.Some.Contains("before step 'pre-prod' holds it"));
    }

    [Test]
    public async Task A_second_set_signed_into_a_release_by_a_roster_key_is_refused_as_a_rewrite_of_the_set()
    {
        var record = await BlessedAsync(First());
        var tampered = ReleaseManifest.Create("shop", V("1.0.0"), First().Modules.Select(p => p.Module == "gateway" ? Pin("gateway", "0.3.0", '5') : p));
        var forged = await AppendAsync(record, SetRecords.Recorded(tampered, T0.AddMinutes(9)), _eve);
        var error = Assert.Throws<ReleaseSetException>(() => SetRecords.ManifestOf(Trusted(forged)));
        Assert.That(error!.Problems[0], Does.StartWith($"release record shop.set-1.0.0, event 8: records set {tampered.Digest} after set {First().Digest}"));
    }

    [Test]
    public async Task A_blessing_or_promotion_naming_another_digest_counts_for_nothing_and_is_reported()
    {
        var record = await BlessedAsync(Second());
        var forged = await AppendAsync(record, new ReleaseBlessed(T0.AddMinutes(9), Hex('5'), Hex('6')), _job);
        forged = await AppendAsync(forged, new ReleasePromoted(T0.AddMinutes(10), "production", Hex('5'), "production-job"), _job);
        var history = SetHistory.From("shop", [Trusted(forged)]);
        Assert.That(history.Blessed, Has.Count.EqualTo(1));
        Assert.That(history.Current("production"), Is.Null);
        Assert.That(history.Ignored, Has.Count.EqualTo(2).And.Some.Contains("the blessing at").And.Some.Contains("the promotion to production names " + Hex('5')));
    }

    [Test]
    public async Task A_rollback_recorded_on_the_set_it_left_is_a_deployment_of_the_set_it_restored()
    {
        var first = await BlessedAsync(First());
        first = await AppendAsync(first, SetRecords.Promotion(First(), "production", "production-job", T0.AddMinutes(5)), _job);
        var second = await BlessedAsync(Second());
        second = await AppendAsync(second, SetRecords.Promotion(Second(), "production", "production-job", T0.AddMinutes(6)), _job);
        second = await AppendAsync(second, new ReleaseRolledBack(T0.AddMinutes(7), "production", "1.0.0", "production-job"), _job);

        var history = SetHistory.From("shop", [Trusted(first), Trusted(second)]);
        Assert.That(history.Current("production")!.Digest, Is.EqualTo(First().Digest));
        var plan = new SetRollbackPlanner(Chain(), Sample()).Plan("production",
            history.Deployments.Where(d => d.At < T0.AddMinutes(7)).ToList(), history.Blessed);
        Assert.That(plan.To.Digest, Is.EqualTo(First().Digest));
        Assert.That(plan.Waves.SelectMany(w => w), Is.EqualTo(new[] { "ledger" }));
    }

    [Test]
    public void A_set_event_whose_digest_is_not_its_manifests_is_refused_naming_the_record_and_event()
    {
        var record = ReleaseRecord.Create("shop.set-1.0.0", new ReleaseCreated(T0, "1.0.0", "main", "abc1234", "rm@example.com", []))
            .Append(SetRecords.Recorded(First(), T0) with { Digest = Second().Digest.Value });
        var error = Assert.Throws<ReleaseSetException>(() => SetRecords.ManifestOf(record));
        Assert.That(error!.Problems[0], Does.StartWith("release record shop.set-1.0.0, event 2: the manifest's digest is " + First().Digest));
        var other = ReleaseRecord.Create("shop.set-1.1.0", new ReleaseCreated(T0, "1.1.0", "main", "abc1234", "rm@example.com", [])).Append(SetRecords.Recorded(First(), T0));
        Assert.That(Assert.Throws<ReleaseSetException>(() => SetRecords.ManifestOf(other))!.Message, Does.Contain("the manifest is release shop 1.0.0, not shop.set-1.1.0"));
    }
}
