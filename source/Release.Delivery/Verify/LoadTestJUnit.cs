using System.Xml.Linq;
using Release.Delivery.Integrate;

namespace Release.Delivery.Verify;

/// <summary>A load test as JUnit for CI's test tab: one test case per declared limit, failing with the measured figure and the limit.</summary>
public static class LoadTestJUnit
{
    /// <summary>The JUnit document of <paramref name="report"/>.</summary>
    public static XDocument Render(LoadTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var className = $"LoadTest.{report.Module}.{report.Environment}";
        var duration = TimeSpan.FromSeconds(report.DurationSeconds);
        var m = report.Measured;
        var l = report.Limits;
        var cases = new List<TestCaseResult> {
            Case(className, "requests sent", "requests sent", I($"{m.Requests} requests sent"), duration, report) };
        if (l.P95Ms is { } p95) cases.Add(
            Case(className, I($"p95 latency <= {p95:0.##} ms"), "p95 latency", I($"p95 {m.P95Ms:0.##} ms"), duration, report));
        if (l.P99Ms is { } p99) cases.Add(
            Case(className, I($"p99 latency <= {p99:0.##} ms"), "p99 latency", I($"p99 {m.P99Ms:0.##} ms"), duration, report));
        if (l.MaximumErrorRate is { } rate) cases.Add(
            Case(className, I($"error rate <= {rate:0.####}"), "error rate", I($"error rate {m.ErrorRate:0.####}"), duration, report));
        if (l.MinimumThroughput is { } throughput) cases.Add(
            Case(className, I($"throughput >= {throughput:0.#} requests/s"), "throughput", I($"{m.Throughput:0.#} requests/s"), duration, report));
        return JUnitReportWriter.Render(
            I($"{report.Module} load test ({report.Environment}, {report.Rate:0.##} requests/s for {report.DurationSeconds:0.#} s)"),
            cases);
    }

    private static string I(FormattableString text) => FormattableString.Invariant(text);

    private static TestCaseResult Case(string className, string name, string metric, string figure, TimeSpan duration, LoadTestReport report)
    {
        var breach = report.Breaches.FirstOrDefault(b => b.Metric == metric);
        return new TestCaseResult(className, name, breach is null ? "Passed" : "Failed", duration, breach?.ToString() ?? figure);
    }
}
