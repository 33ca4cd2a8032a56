using System.Globalization;
using System.Net;

namespace Release.Operations.Rendering;

/// <summary>Text made safe for HTML and SVG, and numbers written the same way on every machine.</summary>
public static class Markup
{
    /// <summary>The text with &lt;, &gt;, &amp; and quotes escaped (for element text and attribute values).</summary>
    /// <param name="text">Any text.</param>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number with at most two decimals, invariant culture (SVG coordinates, figures).</summary>
    /// <param name="value">The number.</param>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
