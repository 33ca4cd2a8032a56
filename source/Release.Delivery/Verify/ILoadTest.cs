using Release.Delivery.Deploy;
using Release.Engine;
using Release.Process.Verification;

namespace Release.Delivery.Verify;

/// <summary>
/// The LoadTest stage: applies <see cref="LoadTestProfile"/> (a constant arrival rate for a duration, open loop) to the
/// deployment of --environment that Deploy recorded, and judges it against <see cref="LoadTestLimits"/> (p95 and p99
/// latency, error rate, minimum throughput). Writes <c>artifacts/load-test/</c>: <c>report.json</c> (the figures the
/// quality gate and the evidence read), <c>junit.xml</c> (for CI's test tab) and <c>report.html</c> (percentiles over
/// time as an inline SVG chart). A run that misses a limit fails naming the figure and the limit, and the environment
/// goes back to the release before (see <see cref="IVerifyDeployment"/>) unless its AutomaticRollback is off.
/// </summary>
public interface ILoadTest : IVerifyDeployment
{
    /// <summary>The load: path, rate (requests per second) and duration. Override in the build class.</summary>
    LoadProfile LoadTestProfile => new("/health", 20, TimeSpan.FromSeconds(10));

    /// <summary>The limits the load test must meet. Override in the build class.</summary>
    LoadLimits LoadTestLimits => new() { P99Latency = TimeSpan.FromMilliseconds(500), MaximumErrorRate = 0 };

    /// <summary>Runs the load test.</summary>
    Target LoadTest => _ => _
        .Description("Load-tests the deployment of --environment at the declared rate and duration (open loop) against the declared limits; " +
            "reports in artifacts/load-test")
        .TryAfter<IDeploy>(x => x.Deploy)
        .TryAfter<IVerifyDeployment>(x => x.SanityCheck)
        .Consumes(Paths.Glob("deploy/*.json"))
        .Produces("artifacts/load-test/*")
        .Executes(ct => new LoadTestStage(this).RunAsync(ct));
}
