using System.Text.Json.Serialization;

namespace Release.Process.Approvals;

/// <summary>Something that happened to a release; a <see cref="ReleaseRecord"/> is the ordered list of them.</summary>
/// <param name="At">When it happened.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(ReleaseCreated), "created")]
[JsonDerivedType(typeof(VoteCast), "vote")]
[JsonDerivedType(typeof(AttestationRecorded), "attestation")]
[JsonDerivedType(typeof(ReleaseBlessed), "blessed")]
[JsonDerivedType(typeof(ReleasePromoted), "promoted")]
[JsonDerivedType(typeof(ReleaseRolledBack), "rolledBack")]
[JsonDerivedType(typeof(SetRecorded), "set")]
public abstract record ReleaseEvent(DateTimeOffset At)
{
    /// <summary>
    /// The chain link of the event before it (<see cref="RecordChain"/>): an event names its predecessor, so an event
    /// dropped, inserted or moved breaks the chain. Null in records written before events were signed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Previous { get; init; }

    /// <summary>
    /// The actor's SSH signature (SSHSIG, namespace <see cref="RecordChain.Namespace"/>) over the release id,
    /// <see cref="Previous"/> and the event without these two fields. Null when unsigned: such an event never counts
    /// where the gate's roster names keys.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Signature { get; init; }
}

/// <summary>The release was created from a build.</summary>
/// <param name="At">When.</param>
/// <param name="Version">The computed version.</param>
/// <param name="Branch">The branch it was built from.</param>
/// <param name="Commit">The commit id.</param>
/// <param name="TriggeredBy">Who triggered it.</param>
/// <param name="Authors">Authors of the changes in the release (sorted, distinct, when recorded).</param>
/// <param name="ImageTag">The immutable image and chart tag Clone computed, e.g. <c>1.4.0_g0156133</c>: promotions and
/// rollbacks read it here instead of deriving it again. Absent (and left out of the JSON, so their signatures still
/// verify) in records opened before it was recorded.</param>
public sealed record ReleaseCreated(
    DateTimeOffset At,
    string Version,
    string Branch,
    string Commit,
    string TriggeredBy,
    IReadOnlyList<string> Authors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageTag = null)
    : ReleaseEvent(At);

/// <summary>A vote was recorded (after <see cref="VoteAdmission"/> accepted it).</summary>
/// <param name="At">When it was cast.</param>
/// <param name="Environment">The gate.</param>
/// <param name="Role">The role name.</param>
/// <param name="Voter">The voter.</param>
/// <param name="Decision">Go or NoGo.</param>
/// <param name="Reason">Why.</param>
/// <param name="Via">Where a relayed vote came from, e.g. <c>slack:T024BE7LD/U12345</c> (team and user): set only on votes
/// the ChatOps endpoint relays and signs with its relay key (<see cref="RosterSigner.IsRelay"/>). Absent (and left out of
/// the JSON) for votes the voter signs with their own key.</param>
public sealed record VoteCast(DateTimeOffset At, string Environment, string Role, string Voter, VoteDecision Decision, string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Via = null)
    : ReleaseEvent(At);

/// <summary>A checklist attestation was recorded.</summary>
/// <param name="At">When.</param>
/// <param name="ItemKey">The checklist item.</param>
/// <param name="By">Who attests.</param>
/// <param name="Text">What they state.</param>
/// <param name="Role">The role they attest in. Absent in records written before attestations were tied to roles
/// (left out of the JSON when null, so those records still read back byte for byte); such attestations never count.</param>
public sealed record AttestationRecorded(
    DateTimeOffset At, string ItemKey, string By, string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null) : ReleaseEvent(At);

/// <summary>The release was blessed for production.</summary>
/// <param name="At">When.</param>
/// <param name="ImageDigest">The blessed image digest.</param>
/// <param name="ChartDigest">The blessed chart digest.</param>
public sealed record ReleaseBlessed(DateTimeOffset At, string ImageDigest, string ChartDigest) : ReleaseEvent(At);

/// <summary>The release was promoted to an environment.</summary>
/// <param name="At">When.</param>
/// <param name="Environment">The environment.</param>
/// <param name="ImageDigest">The digest deployed.</param>
/// <param name="By">Who promoted it.</param>
public sealed record ReleasePromoted(DateTimeOffset At, string Environment, string ImageDigest, string By) : ReleaseEvent(At);

/// <summary>An environment was rolled back from this release to an earlier version.</summary>
/// <param name="At">When.</param>
/// <param name="Environment">The environment.</param>
/// <param name="ToVersion">The version restored.</param>
/// <param name="By">Who rolled back (for an automatic rollback: the key of the job that saw the failure).</param>
/// <param name="Automatic">True when no person decided it: the release failed its checks or its load test after a
/// deployment (left out of the JSON for a manual rollback, so earlier records read back byte for byte).</param>
/// <param name="Reason">Why, for an automatic rollback (e.g. "its sanity checks failed").</param>
/// <param name="Measurements">What failed, as measured (each failed check with its answer, each missed limit with the figure).</param>
public sealed record ReleaseRolledBack(
    DateTimeOffset At, string Environment, string ToVersion, string By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Automatic = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Measurements = null) : ReleaseEvent(At);
