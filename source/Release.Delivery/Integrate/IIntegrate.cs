using Release.Delivery.Deploy;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Integrate;

/// <summary>
/// The Integrate stage: runs the module's integration tests against the deployed URL (passed in an environment
/// variable such as <c>DIRECTOR_URL</c>), writes JUnit and HTML reports under <c>artifacts/integration</c> and keeps the
/// counts in <c>artifacts/integration/summary.json</c>.
/// </summary>
public interface IIntegrate : IPipeline
{
    /// <summary>The environment whose deployment is tested (the one Deploy deployed to).</summary>
    [Parameter("Environment to deploy to (default: the first one the build declares)")]
    string? Environment => TryGetValue(() => Environment);

    /// <summary>The integration test project (folder or .csproj), relative to the cloned workspace or the build root.</summary>
    [Parameter("Integration test project (default: <module directory>/tests/<Module>.IntegrationTests)")]
    string? IntegrationTestProject => TryGetValue(() => IntegrationTestProject);

    /// <summary>
    /// The integration test project to run: <see cref="IntegrationTestProject"/>, else the convention
    /// <c>&lt;module directory&gt;/tests/&lt;Module&gt;.IntegrationTests</c> (a module <c>order-api</c> is <c>OrderApi</c>).
    /// </summary>
    string IntegrationTestProjectOrConvention => IntegrationTestProject?.Trim()
        ?? Path.Combine(ModuleDirectory, "tests", string.Concat(Module.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + ".IntegrationTests");

    /// <summary>The environment variable the tests read the URL from.</summary>
    [Parameter("Environment variable that gives the tests the deployed URL (default: <MODULE>_URL, e.g. DIRECTOR_URL)")]
    string? IntegrationUrlVariable => TryGetValue(() => IntegrationUrlVariable);

    /// <summary>Runs the integration tests against the deployment.</summary>
    Target Integrate => _ => _
        .Description("Runs the module's integration tests against the deployed URL; JUnit and HTML reports in artifacts/modules/MODULE/integration")
        .TryDependsOn<IDeploy>(x => x.Deploy)
        // The deployment's record (URL, digest) is what is tested: a CI job after the deploy job downloads it.
        .Consumes(Paths.Glob("deploy/*.json"))
        .Produces(Paths.Glob("integration/**"))
        .Executes(ct => new IntegrateStage(this).RunAsync(ct));
}
