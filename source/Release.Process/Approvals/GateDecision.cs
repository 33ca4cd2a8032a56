namespace Release.Process.Approvals;

/// <summary>The outcome of a gate.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Environment">The gate's environment.</param>
/// <param name="GoRoles">Roles with an accepted Go (and no later NoGo from the same voter).</param>
/// <param name="Blockers">Why the gate did not pass, one line each; empty when it passed.</param>
/// <param name="IgnoredVotes">Recorded votes that broke a rule and were not counted, with the rule's message.</param>
public sealed record GateDecision(
    string ReleaseId,
    string Environment,
    IReadOnlyList<ApprovalRole> GoRoles,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<string> IgnoredVotes)
{
    /// <summary>Recorded attestations of this gate's items that broke a rule and were not counted, with the rule's message.</summary>
    public IReadOnlyList<string> IgnoredAttestations { get; init; } = [];

    /// <summary>Standing vetoes: each counted voter's latest vote at this gate that is a NoGo (lifted when that voter votes Go again).</summary>
    public IReadOnlyList<string> Vetoes { get; init; } = [];

    /// <summary>Recorded events refused because their signature did not verify (unsigned, forged, replayed, out of order), with the reason.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    /// <summary>True when nothing blocks the gate.</summary>
    public bool Passed => Blockers.Count == 0;
}
