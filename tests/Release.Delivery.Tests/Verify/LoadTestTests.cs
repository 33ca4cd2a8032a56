using System.Text.Json;
using System.Xml.Linq;
using Release.Delivery.Tests.Support;
using Release.Delivery.Verify;

namespace Release.Delivery.Tests.Verify;

/// <summary>The LoadTest stage against the real director image run with podman, at a modest rate.</summary>
[NonParallelizable]
public class LoadTestTests
{
    private static async Task<PipelineRoot> RootAsync()
    {
        return await PipelineRoot.WithDirectorAsync();
    }

    [Test]
    public async Task A_modest_rate_meets_the_declared_limits_and_writes_json_junit_and_an_html_chart()
    {
        using var root = await RootAsync();

        var run = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "LoadTest", "--environment", "local", "--local-runtime", "podman");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var report = JsonDocument.Parse(File.ReadAllText(root.Paths.LoadTestReport())).RootElement;
        var measured = report.GetProperty("measured");
        Assert.That(report.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(measured.GetProperty("requests").GetInt32(), Is.EqualTo(60), "20 requests/s for 3 s, open loop: every scheduled request was sent");
        Assert.That(measured.GetProperty("errors").GetInt32(), Is.Zero);
        Assert.That(measured.GetProperty("p95Ms").GetDouble(), Is.GreaterThan(0).And.LessThanOrEqualTo(1000));
        Assert.That(measured.GetProperty("p99Ms").GetDouble(), Is.GreaterThanOrEqualTo(measured.GetProperty("p95Ms").GetDouble()));
        Assert.That(measured.GetProperty("throughput").GetDouble(), Is.GreaterThanOrEqualTo(15));
        Assert.That(report.GetProperty("timeline").GetArrayLength(), Is.EqualTo(3), "one window per second of the run");
        Assert.That(report.GetProperty("limits").GetProperty("p95Ms").GetDouble(), Is.EqualTo(1000));

        var junit = XDocument.Load(root.Paths.LoadTestDirectory() / "junit.xml");
        var suite = junit.Root!.Element("testsuite")!;
        Assert.That((suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value), Is.EqualTo(("5", "0")));
        Assert.That(suite.Elements("testcase").Select(c => c.Attribute("name")!.Value), Does.Contain("p95 latency <= 1000 ms").And.Contain("throughput >= 15 requests/s"));

        var html = File.ReadAllText(root.Paths.LoadTestDirectory() / "report.html");
        Assert.That(html, Does.Contain("<svg").And.Contain("class=\"p95\"").And.Contain("class=\"p99\"").And.Contain("p95 limit 1000 ms")
            .And.Contain("Passed: every declared limit was met"));
        Assert.That(run.Output, Does.Contain("load test: passed: 60 requests, 0 errors"));
    }

    [Test]
    public async Task A_limit_below_what_the_sample_can_do_fails_the_stage_naming_the_measured_figure_and_the_limit()
    {
        using var root = await RootAsync();

        var run = await BuildRunner.RunAsync<VerifiedBuild>(root.Path, "Deploy", "LoadTest", "--environment", "local", "--local-runtime", "podman",
            "--p95-limit-ms", "0.01");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        var report = JsonDocument.Parse(File.ReadAllText(root.Paths.LoadTestReport())).RootElement;
        var p95 = report.GetProperty("measured").GetProperty("p95Ms").GetDouble();
        var shown = p95.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(run.Output, Does.Contain("LoadTest: director 1.2.3 in 'local' missed its limits at 20 requests/s")
            .And.Contain($"p95 latency was {shown} ms, the limit is <= 0.01 ms"));
        Assert.That(report.GetProperty("passed").GetBoolean(), Is.False);
        Assert.That(report.GetProperty("breaches").EnumerateArray().Select(b => b.GetProperty("metric").GetString()), Is.EqualTo(new[] { "p95 latency" }));
        var junit = File.ReadAllText(root.Paths.LoadTestDirectory() / "junit.xml");
        Assert.That(junit, Does.Contain("failures=\"1\"").And.Contain($"p95 latency was {shown} ms, the limit is &lt;= 0.01 ms"));
        Assert.That(run.Output, Does.Contain("It was left in place: no previous release of this environment is known"), "one deployment only: nothing to go back to");
    }
}
