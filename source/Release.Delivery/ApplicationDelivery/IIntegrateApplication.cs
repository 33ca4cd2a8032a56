using Release.Engine;

namespace Release.Delivery.ApplicationDelivery;

/// <summary>
/// Runs the application's integration tests once after its deployment: every module's declared integration test
/// project, each given every module's address (<c>DIRECTOR_URL</c>, <c>LEDGER_URL</c>, <c>GATEWAY_URL</c>), so a test of
/// the module clients call exercises requests that cross the others. JUnit and HTML reports in
/// <c>artifacts/application/integration</c>; a run that executed no test fails. Skipped, saying why, when the
/// deployments running are the ones the last green run tested, with the same tests.
/// </summary>
public interface IIntegrateApplication : IDeployApplication
{
    /// <summary>Tests the deployed application.</summary>
    Target IntegrateApplication => _ => _
        .Description("Runs every module's integration tests once against the deployed application; JUnit and HTML reports in " +
            "artifacts/application/integration, each module's in artifacts/modules/MODULE/integration")
        .DependsOn(DeployApplication)
        // What was deployed and the tests themselves: unchanged since a green run, the engine finds the target up to date.
        .Consumes(["artifacts/application/deploy/**", .. IntegrationTestsFingerprint.Globs(Application)])
        // Each tested module's own record too, where the quality gate and the evidence read a module's results.
        .Produces("artifacts/application/integration/**", "artifacts/modules/*/integration/**")
        .Executes(ct => new ApplicationIntegrateStage(this).RunAsync(ct));
}
