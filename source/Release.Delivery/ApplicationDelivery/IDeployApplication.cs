using Release.Applications;
using Release.Delivery.Deploy;
using Release.Delivery.Verify;
using Release.Engine;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// Deploys a whole application of many modules to <c>--environment</c>: every module's pushed image and chart (its Push
/// and Chart records), in one rollout. Local and helm environments go module by module in dependency order, each module
/// starting once its dependencies answer their health; a module that fails stops the rollout and the modules replaced
/// before it go back to what ran before (exit 1, naming the module and the reason). GitOps environments get one commit
/// holding every module's HelmRelease with <c>dependsOn</c> following the module graph. When every module already runs
/// this build's release there and that set passed the application's integration tests with the same tests, nothing is
/// deployed and the log says why.
/// </summary>
public interface IDeployApplication : IDeploy
{
    /// <summary>
    /// The application this build ships, checked (<c>Application.Named(...).Module(...).Check(RootDirectory)</c>).
    /// Implement it in the build class.
    /// </summary>
    CheckedApplication Application { get; }

    /// <summary>
    /// The application's sanity checks, run after every rollout against the module clients call (a journey there
    /// crosses the others); a failure puts the modules replaced in the rollout back. Null: each module's health only.
    /// </summary>
    ApplicationChecks? ApplicationChecks => null;

    /// <summary>Deploys every module of the application to the selected environment.</summary>
    Target DeployApplication => _ => _
        .Description("Deploys every module of the application to --environment in dependency order (GitOps: one commit, HelmReleases with dependsOn)")
        .Produces("artifacts/application/deploy/**")
        .Executes(ct => new ApplicationDeployStage(this).RunAsync(ct));
}
