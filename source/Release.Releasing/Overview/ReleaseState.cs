using Release.Process.Approvals;

namespace Release.Releasing.Overview;

/// <summary>One release as the dashboard shows it: what its signatures prove, its gates now, its evidence and channel.</summary>
/// <param name="Record">The events that verified (who acted is the signing key's owner).</param>
/// <param name="Refused">Events refused because their signature did not verify, with the reason.</param>
/// <param name="Gates">Every gate's decision for the release, as GateStatus would print it now.</param>
/// <param name="Channel">The release channel the quality gate chose (from its evidence), or null when unknown.</param>
/// <param name="Evidence">Its evidence bundle and the verification result, or null when this machine has no bundle.</param>
public sealed record ReleaseState(
    ReleaseRecord Record,
    IReadOnlyList<string> Refused,
    IReadOnlyList<GateDecision> Gates,
    string? Channel,
    EvidenceCheck? Evidence)
{
    /// <summary>When the release's commit was made (from the commits its evidence kept), or null when unknown.</summary>
    public DateTimeOffset? CommitAt { get; init; }
}

/// <summary>The verification of one evidence bundle, as VerifyEvidence does it with the roster's keys.</summary>
/// <param name="Folder">The bundle's folder.</param>
/// <param name="Intact">True when every file matches the manifest and the chain and signatures verify.</param>
/// <param name="Findings">Every problem found; empty when intact.</param>
public sealed record EvidenceCheck(string Folder, bool Intact, IReadOnlyList<string> Findings);
