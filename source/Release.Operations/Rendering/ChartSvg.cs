using System.Globalization;
using System.Text;

namespace Release.Operations.Rendering;

/// <summary>How a series is drawn.</summary>
public enum ChartKind
{
    /// <summary>One bar per point (counts).</summary>
    Bars,

    /// <summary>Points joined by a line (medians, rates); missing points break nothing, they are skipped.</summary>
    Line,
}

/// <summary>One point of a chart: its label on the x axis and its value (null: no value that period).</summary>
/// <param name="Label">The x label, e.g. the week's Monday.</param>
/// <param name="Value">The value, or null.</param>
public sealed record ChartPoint(string Label, double? Value);

/// <summary>A small chart over time as inline SVG with axes, a scale and a title; no script.</summary>
public static class ChartSvg
{
    private const double Width = 420, Height = 220, Left = 48, Right = 12, Top = 30, Bottom = 44;

    /// <summary>The SVG element.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="unit">The unit of the values, shown on the scale (e.g. <c>h</c>, <c>per week</c>).</param>
    /// <param name="points">The points in time order.</param>
    /// <param name="kind">Bars or a line.</param>
    public static string Render(string title, string unit, IReadOnlyList<ChartPoint> points, ChartKind kind)
    {
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" " +
            $"width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"10\">\n")
            .Append($"<title>{Markup.Encode(title)}</title>\n<text x=\"{Left}\" y=\"16\" font-size=\"13\" " +
                $"font-weight=\"bold\">{Markup.Encode(title)}</text>\n");
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom, bottom = Top + plotHeight;
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var max = NiceMax(values.DefaultIfEmpty(0).Max());
        svg.Append($"<line x1=\"{Left}\" y1=\"{bottom}\" x2=\"{Width - Right}\" y2=\"{bottom}\" stroke=\"#888\"/><line x1=\"{Left}\" y1=\"{Top}\" " +
            $"x2=\"{Left}\" y2=\"{bottom}\" stroke=\"#888\"/>\n");
        for (var i = 0; i <= 4; i++)
        {
            var y = bottom - plotHeight * i / 4;
            svg.Append($"<line x1=\"{Left}\" y1=\"{Markup.Number(y)}\" x2=\"{Width - Right}\" y2=\"{Markup.Number(y)}\" stroke=\"#eee\"/>")
                .Append($"<text x=\"{Left - 4}\" y=\"{Markup.Number(y + 3)}\" " +
                    $"text-anchor=\"end\">{(max * i / 4).ToString("G3", CultureInfo.InvariantCulture)}</text>\n");
        }
        svg.Append($"<text x=\"8\" y=\"{Markup.Number(Top + plotHeight / 2)}\" transform=\"rotate(-90 8 {Markup.Number(Top + plotHeight / 2)})\" " +
            $"text-anchor=\"middle\">{Markup.Encode(unit)}</text>\n");
        if (points.Count == 0)
            return svg.Append($"<text class=\"empty\" x=\"{Markup.Number(Left + plotWidth / 2)}\" y=\"{Markup.Number(Top + plotHeight / 2)}\" " +
                "text-anchor=\"middle\" fill=\"#888\">no production deployment yet</text>\n</svg>").ToString();
        var slot = plotWidth / points.Count;
        double X(int i) => Left + slot * i + slot / 2;
        double Y(double v) => bottom - (max == 0 ? 0 : plotHeight * v / max);
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        for (var i = 0; i < points.Count; i += every)
            svg.Append($"<text x=\"{Markup.Number(X(i))}\" y=\"{Markup.Number(bottom + 14)}\" " +
                $"text-anchor=\"middle\">{Markup.Encode(points[i].Label)}</text>\n");
        if (kind == ChartKind.Bars)
        {
            for (var i = 0; i < points.Count; i++)
                if (points[i].Value is { } v)
                    svg.Append($"<rect class=\"bar\" x=\"{Markup.Number(X(i) - slot * 0.35)}\" y=\"{Markup.Number(Y(v))}\" " +
                        $"width=\"{Markup.Number(slot * 0.7)}\" height=\"{Markup.Number(bottom - Y(v))}\" " +
                            $"fill=\"#4a6fa5\"><title>{Markup.Encode(points[i].Label)}: {Markup.Number(v)} {Markup.Encode(unit)}</title></rect>\n");
        }
        else
        {
            var line = points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null)
                .Select(x => $"{Markup.Number(X(x.i))},{Markup.Number(Y(x.p.Value!.Value))}")
                .ToList();
            if (line.Count > 1) svg.Append(
                $"<polyline class=\"line\" points=\"{string.Join(' ', line)}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n");
            for (var i = 0; i < points.Count; i++)
                if (points[i].Value is { } v)
                    svg.Append($"<circle class=\"point\" cx=\"{Markup.Number(X(i))}\" cy=\"{Markup.Number(Y(v))}\" r=\"3.5\" " +
                        $"fill=\"#c0392b\"><title>{Markup.Encode(points[i].Label)}: {Markup.Number(v)} {Markup.Encode(unit)}</title></circle>\n");
        }
        return svg.Append("</svg>").ToString();
    }

    // A round upper bound for the scale: 1, 2 or 5 times a power of ten, at least the largest value.
    private static double NiceMax(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
            if (step * power >= value) return step * power;
        return 10 * power;
    }
}
