using Release.Process.Approvals;
using Release.Process.Promotion;

namespace Release.Operations.Runbooks;

/// <summary>What a runbook is planned from: the parts of the build definition that decide the release steps.</summary>
/// <param name="Module">The module released.</param>
/// <param name="Chain">The promotion chain.</param>
/// <param name="Gates">The Go/NoGo gates.</param>
/// <param name="BlessedBranches">Branches whose builds may be blessed.</param>
/// <param name="ProductionJob">The manual CI job that blesses, promotes, tags and writes the evidence, when the CI declares one; null when people run
/// those steps.</param>
public sealed record RunbookDefinition(
    string Module,
    EnvironmentChain Chain,
    IReadOnlyList<GatePolicy> Gates,
    IReadOnlyList<string> BlessedBranches,
    ProductionJob? ProductionJob = null);

/// <summary>The manual CI job that carries a release into the production-like environment.</summary>
/// <param name="Name">The job's name.</param>
/// <param name="Command">The command it runs.</param>
public sealed record ProductionJob(string Name, string Command);

/// <summary>The roles of a runbook that are not gate roles.</summary>
public static class OperationsRoles
{
    /// <summary>Opens, promotes and (without a production job) blesses releases.</summary>
    public const string ReleaseManager = "Release manager";

    /// <summary>Verifies the evidence independently.</summary>
    public const string Auditor = "Auditor";

    /// <summary>The role name of a CI job.</summary>
    /// <param name="job">The job's name.</param>
    public static string CiJob(string job) => $"CI job {job}";
}
