using Release.Engine;
using Release.Pipeline;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// Where the application's own stages (DeployApplication, IntegrateApplication) write: <c>artifacts/application/</c>.
/// Each module's stage records stay where <see cref="PipelinePaths"/> puts them (<see cref="Module"/>).
/// </summary>
/// <param name="Root">The build's root directory.</param>
public sealed record ApplicationPaths(AbsolutePath Root)
{
    /// <summary><c>artifacts/application/</c>.</summary>
    public AbsolutePath Directory => Root / "artifacts" / "application";

    /// <summary>
    /// The rollout records: <c>deploy/ENV/modules/MODULE.json</c> (which release of a module runs in an environment, where,
    /// since when: what a failed rollout goes back to) and <c>deploy/ENV/rollout.json</c> (what the last rollout did).
    /// </summary>
    public AbsolutePath DeployDirectory => Directory / "deploy";

    /// <summary>The last rollout's record for <paramref name="environment"/>.</summary>
    public AbsolutePath RolloutReport(string environment) => DeployDirectory / environment / "rollout.json";

    /// <summary>The application's integration run: JUnit, HTML report, each module's TRX, summary.</summary>
    public AbsolutePath IntegrationDirectory => Directory / "integration";

    /// <summary>What the last integration run tested (which release of each module, where, with which tests) and its counts.</summary>
    public AbsolutePath IntegrationSummary => IntegrationDirectory / "summary.json";

    /// <summary>The stage records of one module.</summary>
    public PipelinePaths Module(string module) => new(Root, module);
}
