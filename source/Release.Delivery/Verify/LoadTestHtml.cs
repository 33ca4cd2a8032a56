using System.Globalization;
using System.Net;
using System.Text;

namespace Release.Delivery.Verify;

/// <summary>
/// The load test's page for people: the figures against the limits, and p50/p95/p99 latency per second of the run as
/// an inline SVG chart (no script, no external file: it opens from a CI artifact or the evidence bundle as it is).
/// </summary>
public static class LoadTestHtml
{
    private const int Width = 720, Height = 280, Left = 60, Right = 20, Top = 20, Bottom = 40;

    /// <summary>The self-contained page of <paramref name="report"/>.</summary>
    public static string Render(LoadTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Measured;
        var html = new StringBuilder();
        var title = $"{report.Module} {report.Version} load test ({report.Environment})";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
            .Append(".pass{color:#176f2c}.fail{color:#b00020}</style></head><body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p>").Append(E(report.Generator)).Append(": ").Append(N(report
                .Rate)).Append(" requests/s for ").Append(N(report.DurationSeconds))
            .Append(" s against <code>").Append(E(report.Url)).Append("</code>. Latency is measured from each request's intended send time.</p>\n")
            .Append("<p class=\"").Append(
                report.Passed ? "pass\">Passed: every declared limit was met." : "fail\">Failed: " +
                    "" + E(string.Join("; ", report.Breaches))).Append("</p>\n")
            .Append("<table><tr><th>Figure</th><th>Measured</th><th>Limit</th></tr>\n");
        Row(html, "requests (errors)", $"{m.Requests} ({m.Errors})", null);
        Row(html, "p50 latency", N(m.P50Ms) + " ms", null);
        Row(html, "p95 latency", N(m.P95Ms) + " ms", report.Limits.P95Ms is { } p95 ? "<= " + N(p95) + " ms" : null);
        Row(html, "p99 latency", N(m.P99Ms) + " ms", report.Limits.P99Ms is { } p99 ? "<= " + N(p99) + " ms" : null);
        Row(html, "max latency", N(m.MaxMs) + " ms", null);
        Row(html, "error rate", N(m.ErrorRate, "0.####"), report.Limits.MaximumErrorRate is { } rate ? "<= " + N(rate, "0.####") : null);
        Row(html, "throughput", N(m.Throughput) + " requests/s", report.Limits.MinimumThroughput is { } t ? ">= " + N(t) + " requests/s" : null);
        html.Append("</table>\n<h2>Latency percentiles over time</h2>\n").Append(Chart(report)).Append("\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>The SVG chart: one polyline per percentile over the seconds of the run, with the latency limits as dashed lines.</summary>
    public static string Chart(LoadTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var windows = report.Timeline;
        var seconds = Math.Max(1, windows.Count == 0 ? 1 : windows[^1].Second);
        var top = new[] { windows.Count == 0 ? 0 : windows.Max(w => w.P99Ms), report.Limits.P95Ms ?? 0, report.Limits.P99Ms ?? 0 }.Max();
        top = top <= 0 ? 1 : top * 1.1;
        double X(int second) => Left + (Width - Left - Right) * second / (double)seconds;
        double Y(double ms) => Top + (Height - Top - Bottom) * (1 - ms / top);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" " +
            "aria-label=\"latency percentiles per second\">\n")
            .Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>")
            .Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n")
            .Append($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{N(top)} ms</text>")
            .Append($"<text x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\" font-size=\"11\">0</text>")
            .Append($"<text x=\"{Width - Right}\" y=\"{Height - Bottom + 16}\" text-anchor=\"end\" font-size=\"11\">{seconds} s</text>")
            .Append($"<text x=\"{Left}\" y=\"{Height - 6}\" font-size=\"11\">seconds of the run (by intended send time)</text>\n");
        void Limit(double? ms, string name)
        {
            if (ms is not { } value) return;
            svg.Append($"<line class=\"limit\" x1=\"{Left}\" y1=\"{F(Y(value))}\" x2=\"{Width - Right}\" y2=\"{F(Y(value))}\" stroke=\"#b00020\" " +
                "stroke-dasharray=\"4 3\"/>")
                .Append($"<text x=\"{Width - Right}\" y=\"{F(Y(value) - 3)}\" text-anchor=\"end\" font-size=\"10\" fill=\"#b00020\">{name} limit " +
                    $"{N(value)} ms</text>\n");
        }
        Limit(report.Limits.P95Ms, "p95");
        Limit(report.Limits.P99Ms, "p99");
        foreach (var (name, color, pick) in new (string, string, Func<LoadWindow, double>)[] {
            ("p50", "#1f77b4", w => w.P50Ms),
            ("p95", "#ff7f0e", w => w.P95Ms),
            ("p99", "#d62728", w => w.P99Ms) })
        {
            var points = string.Join(" ", windows.Select(w => $"{F(X(w.Second))},{F(Y(pick(w)))}"));
            svg.Append($"<polyline class=\"{name}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"><title>{name} " +
                "latency</title></polyline>\n");
        }
        svg.Append($"<text x=\"{Left + 8}\" y=\"{Top + 12}\" font-size=\"11\"><tspan fill=\"#1f77b4\">p50</tspan> <tspan " +
            "fill=\"#ff7f0e\">p95</tspan> <tspan fill=\"#d62728\">p99</tspan></text>\n");
        return svg.Append("</svg>").ToString();
    }

    private static void Row(StringBuilder html, string name, string measured, string? limit) =>
        html.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(E(measured)).Append("</td><td>").Append(E(limit ?? "—"))
            .Append("</td></tr>\n");

    private static string N(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
