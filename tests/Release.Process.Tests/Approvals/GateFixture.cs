using Microsoft.Extensions.Time.Testing;
using Release.Process.Approvals;

namespace Release.Process.Tests.Approvals;

/// <summary>A release on Friday 2026-11-20 with the seed gate; votes at 16:15 IST are inside the window; "now" is the Monday after.</summary>
internal static class GateFixture
{
    public const string ReleaseId = "director-1.4.0";
    public static readonly DateTimeOffset InWindow = new(2026, 11, 20, 16, 15, 0, TimeSpan.FromHours(5.5));
    public static FakeTimeProvider Clock => new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public static GatePolicy Gate() => GatePolicy.SeedDefault();

    public static ReleaseCandidate Candidate(params string[] evidence) => new(ReleaseId,
        ["dev.one@bank.example", "dev.two@bank.example"], "releaser@bank.example",
        (evidence.Length > 0 ? evidence : AllEvidence).ToHashSet(),
        [
            Attest("special-deployment-provisions", "lead@bank.example", ApprovalRole.ModuleLead, InWindow.AddHours(-3)),
            Attest("dr-plan-drafted", "sre@bank.example", ApprovalRole.Sre, InWindow.AddHours(-3)),
            Attest("on-call-named", "sre@bank.example", ApprovalRole.Sre, InWindow.AddHours(-3)),
        ]);

    /// <summary>An attestation of <paramref name="item"/> by <paramref name="by"/> acting as <paramref name="role"/>.</summary>
    public static Attestation Attest(string item, string by, ApprovalRole? role, DateTimeOffset? at = null) =>
        new(ReleaseId, item, by, at ?? InWindow, "done: wiki/REL-1", role);

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
