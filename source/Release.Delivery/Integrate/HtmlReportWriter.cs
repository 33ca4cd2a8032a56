using System.Net;
using System.Text;

namespace Release.Delivery.Integrate;

/// <summary>Writes a self-contained HTML page of the integration test results, for people reading CI artifacts.</summary>
public static class HtmlReportWriter
{
    /// <summary>The page: the URL tested, the counts, and one row per test (failures with their message).</summary>
    public static string Render(string title, string url, IReadOnlyList<TestCaseResult> results)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
            .Append(".Passed{color:#176f2c}.Failed{color:#b00020}.Skipped{color:#8a6d00}pre{white-space:pre-wrap;margin:0}</style></head><body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n<p>Against <code>").Append(E(url)).Append("</code>: ")
            .Append(results.Count(r => r.Outcome == "Passed")).Append(" passed, ")
            .Append(results.Count(r => r.Outcome == "Failed")).Append(" failed, ")
            .Append(results.Count(r => r.Outcome == "Skipped")).Append(" skipped.</p>\n")
            .Append("<table><tr><th>Test</th><th>Outcome</th><th>Seconds</th><th>Message</th></tr>\n");
        foreach (var result in results.OrderBy(r => r.Outcome == "Failed" ? 0 : 1).ThenBy(r => r.ClassName, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(E($"{result.ClassName}.{result.Name}")).Append("</td><td class=\"").Append(result.Outcome).Append("\">")
                .Append(result.Outcome).Append("</td><td>").Append(
                    result.Duration.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))
                .Append("</td><td><pre>").Append(E(result.Message ?? "")).Append("</pre></td></tr>\n");
        }
        return html.Append("</table></body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
