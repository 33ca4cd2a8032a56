using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Verify;

/// <summary>Where the sanity checks and the load test write, beside the other stages' outputs.</summary>
public static class VerificationPaths
{
    /// <summary><c>artifacts/verify/</c>: the sanity checks of every environment deployed by this pipeline.</summary>
    public static AbsolutePath VerifyDirectory(this PipelinePaths paths) => paths.Artifacts / "verify";

    /// <summary>The sanity report of one environment's latest deployment.</summary>
    public static AbsolutePath SanityReport(this PipelinePaths paths, string environment) => paths.VerifyDirectory() / $"{environment}.json";

    /// <summary>The sanity checks of one environment as JUnit.</summary>
    public static AbsolutePath SanityJUnit(this PipelinePaths paths, string environment) => paths.VerifyDirectory() / $"{environment}-junit.xml";

    /// <summary><c>artifacts/load-test/</c>: LoadTest's reports (report.json, junit.xml, report.html).</summary>
    public static AbsolutePath LoadTestDirectory(this PipelinePaths paths) => paths.Artifacts / "load-test";

    /// <summary>LoadTest's figures, read by the quality gate and copied into the evidence.</summary>
    public static AbsolutePath LoadTestReport(this PipelinePaths paths) => paths.LoadTestDirectory() / "report.json";
}
