namespace Release.Process.Approvals;

/// <summary>The seed process's checklist, per role. Evidence keys are what pipeline stages record.</summary>
public static class SeedChecklist
{
    /// <summary>Evidence key: unit test results captured by the pipeline.</summary>
    public const string UnitTestsEvidence = "unit-tests";

    /// <summary>Evidence key: every PR in the release has a description and links an issue.</summary>
    public const string PullRequestsLinkedEvidence = "pull-requests-linked";

    /// <summary>Evidence key: release notes generated.</summary>
    public const string ReleaseNotesEvidence = "release-notes";

    /// <summary>Evidence key: QA suite results from pre-production.</summary>
    public const string QaSuitePreProdEvidence = "qa-suite-preprod";

    /// <summary>The environment the QA suite must have run on: the seed's pre-production.</summary>
    public const string PreProdEnvironment = "pre-prod";

    /// <summary>Evidence key: load test report.</summary>
    public const string LoadTestEvidence = "load-test-report";

    /// <summary>The seed checklist items.</summary>
    public static IReadOnlyList<ChecklistItem> Items() =>
    [
        new("unit-tests-captured", ApprovalRole.ModuleLead, "Unit test results are captured for this release", UnitTestsEvidence, false),
        new(
            "prs-described-and-linked",
            ApprovalRole.ModuleLead,
            "Every pull request is described and linked to an issue",
            PullRequestsLinkedEvidence,
            true),
        new(
            "special-deployment-provisions",
            ApprovalRole.ModuleLead,
            "Special deployment provisions (migrations, flags, ordering) are written down",
            null,
            true),
        new("release-notes-ready", ApprovalRole.ProductManagement, "Release notes are ready", ReleaseNotesEvidence, true),
        new("dr-plan-drafted", ApprovalRole.Sre, "A disaster recovery plan is drafted", null, true),
        new("on-call-named", ApprovalRole.Sre, "The on-call group for the release is named", null, true),
        // Evidence when Integrate ran on pre-prod with the release; else QA attests their own suite's run (often another
        // team's tooling against a cluster the build cannot reach), but only once the release is on pre-prod.
        new("qa-suite-preprod", ApprovalRole.Qa, "The QA suite ran on pre-production", QaSuitePreProdEvidence, true, PreProdEnvironment),
        new("load-test-report", ApprovalRole.Qa, "A load test report is attached", LoadTestEvidence, true),
    ];
}
