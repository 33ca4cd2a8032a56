using Release.Operations.Delivery;
using Release.Operations.Diagrams;
using Release.Operations.Runbooks;
using Release.Process.Approvals;

namespace Release.Operations.Dashboard;

/// <summary>One release on the dashboard.</summary>
/// <param name="Record">Its verified record.</param>
/// <param name="Refused">Events refused (signature did not verify), with the reason.</param>
/// <param name="Gates">Each gate's decision now.</param>
/// <param name="Checklists">The checklist of each gate, to show who attested what.</param>
/// <param name="Channel">The quality gate's channel, or null when unknown.</param>
/// <param name="Evidence">The evidence bundle on the dashboard (relative link) and its verification, or null.</param>
public sealed record DashboardRelease(ReleaseRecord Record, IReadOnlyList<string> Refused, IReadOnlyList<GateDecision> Gates,
    IReadOnlyList<GatePolicy> Checklists, string? Channel, DashboardEvidence? Evidence);

/// <summary>A release's evidence as the dashboard links it.</summary>
/// <param name="Href">The link to the bundle's summary, relative to the dashboard's root.</param>
/// <param name="Intact">The verification result.</param>
/// <param name="Findings">Every problem the verification found.</param>
public sealed record DashboardEvidence(string Href, bool Intact, IReadOnlyList<string> Findings);

/// <summary>One environment on the dashboard.</summary>
/// <param name="Name">The environment.</param>
/// <param name="Deployer">How it is deployed (gitops, local), or null when not declared.</param>
/// <param name="ReleaseId">The release it runs, or null when nothing was promoted there.</param>
/// <param name="Version">Its version.</param>
/// <param name="ImageDigest">The image digest it runs.</param>
/// <param name="Since">Since when.</param>
/// <param name="LastDriftCheck">When drift was last checked, or null: never checked.</param>
/// <param name="DriftResult">What the last drift check found, or null.</param>
public sealed record DashboardEnvironment(
    string Name,
    string? Deployer,
    string? ReleaseId,
    string? Version,
    string? ImageDigest,
    DateTimeOffset? Since,
    DateTimeOffset? LastDriftCheck = null,
    string? DriftResult = null);

/// <summary>Everything the dashboard shows.</summary>
/// <param name="Module">The module.</param>
/// <param name="GeneratedAt">When the site was written.</param>
/// <param name="Releases">The releases, oldest first.</param>
/// <param name="Environments">The environments in promotion order.</param>
/// <param name="Figures">The delivery figures.</param>
/// <param name="Diagrams">The flow diagrams.</param>
/// <param name="Runbook">The release process, for each release's runbook.</param>
public sealed record DashboardContent(string Module, DateTimeOffset GeneratedAt, IReadOnlyList<DashboardRelease> Releases,
    IReadOnlyList<DashboardEnvironment> Environments, DeliveryFigures Figures, IReadOnlyList<FlowGraph> Diagrams, RunbookDefinition Runbook);
