namespace Release.Process.Approvals;

/// <summary>What a gate needs to know about the release being voted on.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Authors">Identities of the authors of the release's changes (they may not vote Go).</param>
/// <param name="TriggeredBy">Who triggered the release (may not vote Go).</param>
/// <param name="EvidenceKeys">Evidence keys the pipeline recorded for this release.</param>
/// <param name="Attestations">Attestations recorded for this release.</param>
/// <param name="Reached">
/// When the release first reached each environment it was promoted to (absent: nowhere yet). An item attested about an
/// environment counts only when attested after the release got there.
/// </param>
public sealed record ReleaseCandidate(
    string ReleaseId,
    IReadOnlyList<string> Authors,
    string TriggeredBy,
    IReadOnlySet<string> EvidenceKeys,
    IReadOnlyList<Attestation> Attestations,
    IReadOnlyDictionary<string, DateTimeOffset>? Reached = null);
