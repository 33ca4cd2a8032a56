namespace Release.Releasing.Tests.Support;

/// <summary>
/// Who approves an application release set in the tests under the seed process: one person per voting role, and the
/// checklist items people attest (the seed checklist's attestable items) with the role that owns each. The Sets tests'
/// world and the sample application's release flow both read these.
/// </summary>
internal static class SeedApprovals
{
    /// <summary>The item QA attests only once the release is on pre-prod (the QA suite runs there).</summary>
    public const string QaSuitePreProd = "qa-suite-preprod";

    /// <summary>The seed's four voting roles, each with the one person who votes in it.</summary>
    public static readonly IReadOnlyList<(string Role, string Voter)> Voters =
    [
        ("module-lead", "lead@example.com"), ("sre", "sre@example.com"), ("qa", "qa@example.com"), ("product-management", "pm@example.com"),
    ];

    /// <summary>The attestable checklist items, each with the role that owns it; its voter (<see cref="VoterOf"/>) attests it.</summary>
    public static readonly IReadOnlyList<(string Item, string Role)> Attested =
    [
        ("special-deployment-provisions", "module-lead"), ("prs-described-and-linked", "module-lead"), ("dr-plan-drafted", "sre"),
        ("on-call-named", "sre"), ("load-test-report", "qa"), (QaSuitePreProd, "qa"), ("release-notes-ready", "product-management"),
    ];

    /// <summary>The person who votes and attests in <paramref name="role"/>.</summary>
    public static string VoterOf(string role) => Voters.Single(v => v.Role == role).Voter;
}
