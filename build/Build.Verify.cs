using Release.Delivery.Deploy;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Verification;

namespace Release.Build;

/// <summary>
/// What the sample must answer after every deployment, and the load it must carry. The checks run right after each
/// local (or helm) deployment, and with <c>SanityCheck</c> once Flux applied a GitOps one; a failure sends the
/// environment back to the last release that passed there (see AutomaticRollback in Build.Environments.cs). The load
/// test runs in its own CI job after the pre-prod deployment, at a modest constant rate, open loop.
/// </summary>
partial class Build : ILoadTest
{
    SanityChecks IVerifyDeployment.SanityChecks => new(
        [
            new HttpCheck("version", "/version"),
            new HttpCheck("unknown environment is refused", "/environments/nowhere/deployment-decision") { ExpectedStatus = 404, BodyContains = "Unknown environment" },
        ],
        [
            // A window from the list, then the decision at its start: the API's two halves agree.
            new Journey("window then decision",
            [
                JourneyStep.Get("/environments/production/deployment-windows?from=2026-03-02&days=7") with { Capture = new Dictionary<string, string> { ["start"] = "0.start" } },
                JourneyStep.Get("/environments/production/deployment-decision?at={start}") with { BodyContains = "\"allowed\":true" },
            ]),
        ]);

    LoadProfile ILoadTest.LoadTestProfile => new("/environments/production/deployment-decision?at=2026-03-02T10:00:00Z", 50, TimeSpan.FromSeconds(30)) { WarmUpRequests = 20 };

    LoadLimits ILoadTest.LoadTestLimits => new()
    {
        P95Latency = TimeSpan.FromMilliseconds(250), P99Latency = TimeSpan.FromMilliseconds(500), MaximumErrorRate = 0.001, MinimumThroughput = 45,
    };

    /// <summary>The load test measures a deployment, so it comes after one (in CI: its own job after the pre-prod deployment).</summary>
    Target ILoadTest.LoadTest => _ => _
        .Base()
        .DependsOn<IDeploy>(x => x.Deploy);
}
