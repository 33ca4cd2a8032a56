using System.Globalization;
using System.Xml.Linq;

namespace Release.Delivery.Integrate;

/// <summary>Writes test results as JUnit XML, the format GitLab and Azure Pipelines show in their test tabs.</summary>
public static class JUnitReportWriter
{
    /// <summary>The JUnit document for <paramref name="results"/> as one suite named <paramref name="suite"/>.</summary>
    public static XDocument Render(string suite, IReadOnlyList<TestCaseResult> results)
    {
        var element = new XElement("testsuite",
            new XAttribute("name", suite),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Outcome == "Failed")),
            new XAttribute("skipped", results.Count(r => r.Outcome == "Skipped")),
            new XAttribute("time", Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration))));
        foreach (var result in results)
        {
            var testCase = new XElement("testcase",
                new XAttribute("classname", result.ClassName), new XAttribute("name", result.Name), new XAttribute("time", Seconds(result.Duration)));
            if (result.Outcome == "Failed") testCase.Add(
                new XElement("failure", new XAttribute("message", FirstLine(result.Message)), result.Message ?? ""));
            else if (result.Outcome == "Skipped") testCase.Add(new XElement("skipped", new XAttribute("message", FirstLine(result.Message))));
            element.Add(testCase);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", element));
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();
}
