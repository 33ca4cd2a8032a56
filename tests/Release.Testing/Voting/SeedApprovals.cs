namespace Release.Testing.Voting;

/// <summary>
/// Who approves a release in the tests under the seed process: one person per voting role, and the checklist items
/// people attest (the seed checklist's attestable items) with the role that owns each. Every test world that votes and
/// attests under the seed process reads these (the Releasing tests' worlds and sample flows, the CI tests' release desk).
/// </summary>
public static class SeedApprovals
{
    /// <summary>The item QA attests only once the release is on pre-prod (the QA suite runs there).</summary>
    public const string QaSuitePreProd = "qa-suite-preprod";

    /// <summary>The item the pipeline proves itself when every commit of the release links an issue (OpenRelease's commits record).</summary>
    public const string PullRequestsLinked = "prs-described-and-linked";

    /// <summary>The item the pipeline proves itself once ReleaseNotes has written the release notes.</summary>
    public const string ReleaseNotesReady = "release-notes-ready";

    /// <summary>The seed's four voting roles (as <c>--role</c> takes them), each with the one person who votes in it.</summary>
    public static readonly IReadOnlyList<(string Role, string Voter)> Voters =
    [
        ("module-lead", "lead@example.com"), ("sre", "sre@example.com"), ("qa", "qa@example.com"), ("product-management", "pm@example.com"),
    ];

    /// <summary>The attestable checklist items, each with the role that owns it; its voter (<see cref="VoterOf"/>) attests it.</summary>
    public static readonly IReadOnlyList<(string Item, string Role)> Attested =
    [
        (PullRequestsLinked, "module-lead"), ("special-deployment-provisions", "module-lead"), ("dr-plan-drafted", "sre"),
        ("on-call-named", "sre"), ("load-test-report", "qa"), (QaSuitePreProd, "qa"), (ReleaseNotesReady, "product-management"),
    ];

    /// <summary>The person who votes and attests in <paramref name="role"/>.</summary>
    public static string VoterOf(string role) => Voters.Single(v => v.Role == role).Voter;

    /// <summary>
    /// <paramref name="role"/> as a roster file and the release records spell it (<c>module-lead</c> is <c>ModuleLead</c>).
    /// </summary>
    public static string RosterRoleOf(string role) => string.Concat(role.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
