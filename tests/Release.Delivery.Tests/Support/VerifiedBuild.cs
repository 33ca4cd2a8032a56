using Release.Delivery.Deploy;
using Release.Delivery.Integrate;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Verification;

namespace Release.Delivery.Tests.Support;

/// <summary>
/// A build with sanity checks and a load test for the director sample: its health, two checks, and a journey that
/// carries a window's start from the list of windows into the deployment decision at that time. <c>local</c> rolls back
/// automatically; <c>inspect</c> does not (AutomaticRollback = false).
/// </summary>
internal sealed class VerifiedBuild : Build, ILoadTest, IIntegrate
{
    [Parameter("Test: the p95 latency limit in milliseconds")]
    readonly double P95LimitMs = 1000;

    [Parameter("Test: load rate in requests per second")]
    readonly double LoadRate = 20;

    public static readonly Journey WindowJourney = new("window then decision",
    [
        JourneyStep.Get("/environments/production/deployment-windows?from=2026-03-02&days=7") with { Capture = new Dictionary<string, string> { ["start"] = "0.start" } },
        JourneyStep.Get("/environments/production/deployment-decision?at={start}") with { BodyContains = "\"allowed\":true" },
    ]);

    IEnumerable<EnvironmentDefinition> IDeploy.Environments =>
    [
        new("local", Deployers.Local, "default", "*"),
        new("inspect", Deployers.Local, "default", "*") { AutomaticRollback = false },
    ];

    SanityChecks IVerifyDeployment.SanityChecks => new(
        [
            new HttpCheck("version", "/version"),
            new HttpCheck("unknown environment is refused", "/environments/nowhere/deployment-decision") { ExpectedStatus = 404, BodyContains = "Unknown environment" },
        ],
        [WindowJourney]);

    LoadProfile ILoadTest.LoadTestProfile =>
        new("/environments/production/deployment-decision?at=2026-03-02T10:00:00Z", LoadRate, TimeSpan.FromSeconds(3)) { WarmUpRequests = 5 };

    LoadLimits ILoadTest.LoadTestLimits => new()
    {
        P95Latency = TimeSpan.FromMilliseconds(P95LimitMs), P99Latency = TimeSpan.FromSeconds(2), MaximumErrorRate = 0, MinimumThroughput = LoadRate * 0.75,
    };
}
