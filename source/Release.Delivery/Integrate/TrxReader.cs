using System.Globalization;
using System.Xml.Linq;

namespace Release.Delivery.Integrate;

/// <summary>
/// Reads the TRX file <c>dotnet test --logger trx</c> writes. (No JUnit logger package is available offline, so the
/// JUnit report is written from the TRX rather than by the test run.)
/// </summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Every test result in the file, in file order.</summary>
    /// <exception cref="InvalidDataException">The file is not a TRX document (names the file).</exception>
    public static IReadOnlyList<TestCaseResult> Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"{path} is not a TRX file: {e.Message}", e);
        }
        var classes = document.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? "",
            t => (string?)t.Element(Ns + "TestMethod")?.Attribute("className") ?? "");
        return document.Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var outcome = (string?)r.Attribute("outcome") ?? "";
            var error = r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo");
            var message = (string?)error?.Element(Ns + "Message") ?? (string?)r.Element(Ns + "Output")?.Element(Ns + "StdOut");
            return new TestCaseResult(
                classes.GetValueOrDefault((string?)r.Attribute("testId") ?? "", ""),
                (string?)r.Attribute("testName") ?? "",
                outcome switch { "Passed" => "Passed", "Failed" or "Error" or "Timeout" or "Aborted" => "Failed", _ => "Skipped" },
                TimeSpan.TryParse((string?)r.Attribute("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero,
                outcome == "Passed" ? null : message?.Trim());
        }).ToList();
    }
}
