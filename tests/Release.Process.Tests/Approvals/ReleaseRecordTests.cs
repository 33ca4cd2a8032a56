using Release.Process.Approvals;
using static Release.Process.Tests.Approvals.GateFixture;

namespace Release.Process.Tests.Approvals;

public class ReleaseRecordTests
{
    private static readonly DateTimeOffset T0 = InWindow.AddHours(-4);

    private static ReleaseRecord Record() => ReleaseRecord
        .Create(ReleaseId, new ReleaseCreated(T0, "1.4.0", "main", "0156133", "releaser@bank.example", ["zed@x", "amy@x", "AMY@x"]))
        .Append(new AttestationRecorded(T0.AddHours(1), "dr-plan-drafted", "sre@bank.example", "wiki/DR-1", "Sre"))
        .Append(new VoteCast(InWindow, "production", "Qa", "qa@bank.example", VoteDecision.Go, "ok"))
        .Append(new ReleaseBlessed(InWindow.AddMinutes(50), "sha256:" + new string('a', 64), "sha256:" + new string('b', 64)));

    [Test]
    public void Append_returns_a_new_record_and_leaves_the_old_one_unchanged()
    {
        var first = ReleaseRecord.Create(ReleaseId, new ReleaseCreated(T0, "1.4.0", "main", "0156133", "r@x", []));
        var second = first.Append(new VoteCast(T0, "production", "Qa", "qa@x", VoteDecision.Go, "ok"));
        Assert.That(first.Events, Has.Count.EqualTo(1));
        Assert.That(second.Events, Has.Count.EqualTo(2));
        Assert.That(second.FindRewriteOf(first), Is.Null);
    }

    [Test]
    public void Events_cannot_go_back_in_time_or_recreate_the_release()
    {
        var record = Record();
        var back = Assert.Throws<InvalidOperationException>(() => record.Append(new VoteCast(T0, "production", "Sre", "s@x", VoteDecision.Go, "ok")));
        Assert.That(back!.Message, Does.Contain(ReleaseId).And.Contain("append-only"));
        Assert.Throws<InvalidOperationException>(() => record.Append(new ReleaseCreated(InWindow.AddHours(1), "1.4.0", "main", "0156133", "r@x", [])));
    }

    [Test]
    public void Json_round_trips_and_is_deterministic()
    {
        var json = ReleaseRecordJson.Serialize(Record());
        var again = ReleaseRecordJson.Deserialize(json, "releases/director-1.4.0.json");
        Assert.That(ReleaseRecordJson.Serialize(again), Is.EqualTo(json));
        Assert.That(json, Does.Contain("\"event\": \"vote\"").And.Contain("\"decision\": \"Go\"").And.Not.Contain("\r"));
        Assert.That(again.Created.Authors, Is.EqualTo(new[] { "amy@x", "zed@x" }));
        Assert.That(again.Votes().Single().Role, Is.EqualTo(ApprovalRole.Qa));
        Assert.That(again.Attestations().Single().ItemKey, Is.EqualTo("dr-plan-drafted"));
        Assert.That(again.Attestations().Single().Role, Is.EqualTo(ApprovalRole.Sre));
        Assert.That(json, Does.Contain("\"role\": \"Sre\""));
    }

    [Test]
    public void An_attestation_recorded_before_roles_reads_back_byte_for_byte_without_a_role()
    {
        var legacy = ReleaseRecord.Create(ReleaseId, new ReleaseCreated(T0, "1.4.0", "main", "0156133", "r@x", []))
            .Append(new AttestationRecorded(T0.AddHours(1), "dr-plan-drafted", "sre@bank.example", "wiki/DR-1"));
        var json = ReleaseRecordJson.Serialize(legacy);
        Assert.That(json, Does.Not.Contain("\"role\""));
        var again = ReleaseRecordJson.Deserialize(json, "releases/director-1.4.0.json");
        Assert.That(ReleaseRecordJson.Serialize(again), Is.EqualTo(json));
        Assert.That(again.Attestations().Single().Role, Is.Null);
    }

    [Test]
    public void Bad_json_is_refused_naming_the_file()
    {
        var error = Assert.Throws<FormatException>(() => ReleaseRecordJson.Deserialize("{ \"schemaVersion\": 1, ", "releases/x.json"));
        Assert.That(error!.Message, Does.Contain("releases/x.json"));
        var typo = ReleaseRecordJson.Serialize(Record()).Replace("\"voter\"", "\"votr\"");
        Assert.Throws<FormatException>(() => ReleaseRecordJson.Deserialize(typo, "releases/x.json"));
        var version = ReleaseRecordJson.Serialize(Record()).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        Assert.That(Assert.Throws<FormatException>(() => ReleaseRecordJson.Deserialize(version, "r.json"))!.Message, Does.Contain("schemaVersion 2"));
    }

    [Test]
    public void Reordered_events_in_a_stored_file_are_refused()
    {
        var json = ReleaseRecordJson.Serialize(Record());
        var tampered = json.Replace(InWindow.AddMinutes(50).ToString("yyyy-MM-ddTHH:mm:ss"), T0.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ss"));
        Assert.That(tampered, Is.Not.EqualTo(json));
        var error = Assert.Throws<FormatException>(() => ReleaseRecordJson.Deserialize(tampered, "releases/director-1.4.0.json"));
        Assert.That(error!.Message, Does.Contain("append-only"));
    }

    [Test]
    public void A_changed_or_shortened_history_is_detected()
    {
        var stored = Record();
        var changed = ReleaseRecord.Create(ReleaseId, stored.Created)
            .Append(new AttestationRecorded(T0.AddHours(1), "dr-plan-drafted", "sre@bank.example", "edited"));
        Assert.That(changed.FindRewriteOf(stored), Does.Contain("removed"));
        var longer = changed.Append(new VoteCast(InWindow, "production", "Qa", "qa@bank.example", VoteDecision.Go, "ok"))
            .Append(new VoteCast(InWindow, "production", "Qa", "qa@bank.example", VoteDecision.Go, "ok"))
            .Append(new VoteCast(InWindow, "production", "Qa", "qa@bank.example", VoteDecision.Go, "ok"));
        Assert.That(longer.FindRewriteOf(stored), Does.Contain("event 2").And.Contain("changed"));
    }

    [Test]
    public void Record_gives_the_candidate_for_gates()
    {
        var candidate = Record().ToCandidate(["unit-tests"]);
        Assert.That(candidate.TriggeredBy, Is.EqualTo("releaser@bank.example"));
        Assert.That(candidate.EvidenceKeys, Does.Contain("unit-tests"));
        Assert.Throws<ArgumentException>(() => ReleaseRecord.Create("bad id", Record().Created));
    }
}
