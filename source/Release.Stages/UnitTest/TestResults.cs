using System.Globalization;
using System.Xml.Linq;

namespace Release.Stages.UnitTest;

/// <summary>How one test ended.</summary>
public enum TestOutcome
{
    /// <summary>It passed.</summary>
    Passed,
    /// <summary>It failed (or errored, timed out, aborted).</summary>
    Failed,
    /// <summary>It did not run (ignored, inconclusive, not executed).</summary>
    Skipped,
}

/// <summary>One test's result as read from a TRX file.</summary>
public sealed record TestCaseResult(string ClassName, string Name, TestOutcome Outcome, TimeSpan Duration, string? Message, string? StackTrace,
    string? Output);

/// <summary>The results of one test project's run.</summary>
public sealed record TestRunResults(string Suite, IReadOnlyList<TestCaseResult> Tests)
{
    /// <summary>Number of tests with <paramref name="outcome"/>.</summary>
    public int Count(TestOutcome outcome) => Tests.Count(t => t.Outcome == outcome);

    /// <summary>Reads a VSTest TRX file; the suite is named after <paramref name="suite"/> (the test project).</summary>
    /// <exception cref="InvalidDataException">The file is not a TRX document; the message names it.</exception>
    public static TestRunResults ReadTrx(string path, string suite)
    {
        XDocument document;
        try { document = XDocument.Load(path); }
        catch (System.Xml.XmlException e) { throw new InvalidDataException($"{path}: not a readable TRX file (line {e.LineNumber}): " +
            $"{e.Message}", e); }
        var ns = document.Root?.Name.Namespace ?? throw new InvalidDataException($"{path}: empty TRX file.");
        var classes = document.Descendants(ns + "UnitTest").ToDictionary(
            u => (string?)u.Attribute("id") ?? "",
            u => (string?)u.Element(ns + "TestMethod")?.Attribute("className") ?? suite);
        var tests = document.Descendants(ns + "UnitTestResult").Select(r =>
        {
            var error = r.Element(ns + "Output")?.Element(ns + "ErrorInfo");
            return new TestCaseResult(
                classes.GetValueOrDefault((string?)r.Attribute("testId") ?? "", suite),
                (string?)r.Attribute("testName") ?? "(unnamed)",
                Outcome((string?)r.Attribute("outcome")),
                TimeSpan.TryParse((string?)r.Attribute("duration"), CultureInfo.InvariantCulture, out var d) ? d : TimeSpan.Zero,
                (string?)error?.Element(ns + "Message"),
                (string?)error?.Element(ns + "StackTrace"),
                (string?)r.Element(ns + "Output")?.Element(ns + "StdOut"));
        }).ToList();
        return new TestRunResults(suite, tests);
    }

    private static TestOutcome Outcome(string? trx) => trx switch
    {
        "Passed" or "PassedButRunAborted" => TestOutcome.Passed,
        "Failed" or "Error" or "Timeout" or "Aborted" => TestOutcome.Failed,
        _ => TestOutcome.Skipped,
    };
}
