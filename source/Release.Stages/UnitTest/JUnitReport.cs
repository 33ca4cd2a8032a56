using System.Globalization;
using System.Xml.Linq;

namespace Release.Stages.UnitTest;

/// <summary>
/// Writes test results as JUnit XML (the format GitLab's <c>artifacts:reports:junit</c> and most CI tools read).
/// Written here from the TRX rather than by a JUnit logger package, so that any test project gets it without
/// referencing one (a module's, or this repository's): the TRX is the one file every run must leave.
/// </summary>
public static class JUnitReport
{
    /// <summary>Renders <paramref name="runs"/> as a <c>testsuites</c> document, one suite per test project.</summary>
    public static XDocument Create(IEnumerable<TestRunResults> runs)
    {
        var suites = runs.Select(run => new XElement("testsuite",
            new XAttribute("name", run.Suite),
            new XAttribute("tests", run.Tests.Count),
            new XAttribute("failures", run.Count(TestOutcome.Failed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", run.Count(TestOutcome.Skipped)),
            new XAttribute("time", Seconds(run.Tests.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Duration))),
            run.Tests.Select(Case))).ToList();
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites",
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("skipped", suites.Sum(s => (int)s.Attribute("skipped")!)),
            suites));
    }

    private static XElement Case(TestCaseResult test)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", test.ClassName),
            new XAttribute("name", test.Name),
            new XAttribute("time", Seconds(test.Duration)));
        if (test.Outcome == TestOutcome.Failed)
            element.Add(new XElement("failure", new XAttribute("message", FirstLine(test.Message)), test.StackTrace is null ? test.Message
                : $"{test.Message}\n{test.StackTrace}"));
        else if (test.Outcome == TestOutcome.Skipped)
            element.Add(new XElement("skipped", test.Message is null ? null : new XAttribute("message", FirstLine(test.Message))));
        if (!string.IsNullOrEmpty(test.Output))
            element.Add(new XElement("system-out", test.Output));
        return element;
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
