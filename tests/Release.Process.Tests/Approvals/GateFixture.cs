using Release.Process.Approvals;

namespace Release.Process.Tests.Approvals;

/// <summary>A release on Friday 2026-11-20 with the seed gate; votes at 16:15 IST are inside the window; "now" is the Monday after.</summary>
internal static class GateFixture
{
    public const string ReleaseId = "director-1.4.0";
    public static readonly DateTimeOffset InWindow = new(2026, 11, 20, 16, 15, 0, TimeSpan.FromHours(5.5));
    public static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public static GatePolicy Gate() => GatePolicy.SeedDefault();

    public static ReleaseCandidate Candidate(params string[] evidence) => new(ReleaseId,
        ["dev.one@bank.example", "dev.two@bank.example"], "releaser@bank.example",
        (evidence.Length > 0 ? evidence : AllEvidence).ToHashSet(),
        new[] { "special-deployment-provisions", "dr-plan-drafted", "on-call-named" }
            .Select(k => new Attestation(ReleaseId, k, "sre.lead@bank.example", InWindow.AddHours(-3), "done: wiki/REL-1")).ToArray());

    public static readonly IReadOnlyList<string> AllEvidence =
        ["unit-tests", "pull-requests-linked", "release-notes", "qa-suite-preprod", "load-test-report"];

    public static Vote Go(ApprovalRole role, string voter, DateTimeOffset? at = null) =>
        new(ReleaseId, "production", role, voter, VoteDecision.Go, "looks good", at ?? InWindow);

    public static Vote[] AllGo() =>
    [
        Go(ApprovalRole.ModuleLead, "lead@bank.example"),
        Go(ApprovalRole.Sre, "sre@bank.example"),
        Go(ApprovalRole.Qa, "qa@bank.example"),
        Go(ApprovalRole.ProductManagement, "pm@bank.example"),
    ];
}
