using System.Text;
using Release.Operations.Rendering;

namespace Release.Operations.Diagrams;

/// <summary>
/// Draws a <see cref="FlowGraph"/> as inline SVG without any script: nodes in columns by rank (left to right), edges
/// as curves with arrow heads, groups as shaded boxes behind their nodes. The dashboard shows these, since it loads
/// nothing from outside and so cannot use Mermaid's own script.
/// </summary>
public static class FlowchartSvg
{
    private const double Width = 200, Height = 56, ColumnGap = 56, RowGap = 18, Margin = 16, TitleHeight = 24;

    /// <summary>The SVG element (with a <c>role="img"</c> and a title for screen readers).</summary>
    /// <param name="graph">The diagram.</param>
    public static string Render(FlowGraph graph)
    {
        var ranks = graph.Ranks();
        var columns = graph.Nodes.GroupBy(n => ranks[n.Id]).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(n => n.Group ?? "", StringComparer.Ordinal).ToList()).ToList();
        var place = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
            foreach (var (node, row) in column.Select((n, r) => (n, r)))
                place[node.Id] = (Margin + index * (Width + ColumnGap), Margin + TitleHeight + row * (Height + RowGap));
        var totalWidth = Margin * 2 + Math.Max(1, columns.Count) * (Width + ColumnGap) - ColumnGap;
        var totalHeight = Margin * 2 + TitleHeight + Math.Max(1, columns.Select(c => c.Count).DefaultIfEmpty(1).Max()) * (Height + RowGap) - RowGap;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" role=\"img\" viewBox=\"0 0 {Markup.Number(totalWidth)} " +
            $"{Markup.Number(totalHeight)}\" ")
            .Append($"width=\"{Markup.Number(totalWidth)}\" height=\"{Markup.Number(totalHeight)}\" font-family=\"sans-serif\" font-size=\"12\">\n")
            .Append($"<title>{Markup.Encode(graph.Title)}</title>\n")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" " +
                "orient=\"auto-start-reverse\">")
            .Append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n")
            .Append($"<text x=\"{Margin}\" y=\"{Margin + 12}\" font-weight=\"bold\" font-size=\"14\">{Markup.Encode(graph.Title)}</text>\n");
        foreach (var group in graph.Nodes.Where(n => n.Group is not null).GroupBy(n => n.Group!))
        {
            var points = group.Select(n => place[n.Id]).ToList();
            double left = points.Min(p => p.X) - 8, top = points.Min(p => p.Y) - 8, right = points.Max(p => p.X) + Width + 8, bottom = points.Max(
                p => p.Y) + Height + 8;
            svg.Append($"<g class=\"group\"><rect x=\"{Markup.Number(left)}\" y=\"{Markup.Number(top)}\" width=\"{Markup.Number(right - left)}\" " +
                $"height=\"{Markup.Number(bottom - top)}\" ")
                .Append($"rx=\"6\" fill=\"#eef3fb\" stroke=\"#9bb3d9\" stroke-dasharray=\"4 3\"/><text x=\"{Markup.Number(left + 4)}\" " +
                    $"y=\"{Markup.Number(top + 11)}\" font-size=\"10\" fill=\"#456\">{Markup.Encode(group.Key)}</text></g>\n");
        }
        foreach (var edge in graph.Edges.Where(e => place.ContainsKey(e.From) && place.ContainsKey(e.To)))
        {
            var (fx, fy) = place[edge.From];
            var (tx, ty) = place[edge.To];
            double x1 = fx + Width, y1 = fy + Height / 2, x2 = tx, y2 = ty + Height / 2, bend = Math.Max(20, (x2 - x1) / 2);
            svg.Append($"<path class=\"edge\" d=\"M {Markup.Number(x1)} {Markup.Number(y1)} C {Markup.Number(x1 + bend)} {Markup.Number(y1)}, " +
                $"{Markup.Number(x2 - bend)} {Markup.Number(y2)}, {Markup.Number(x2)} {Markup.Number(y2)}\" ")
                .Append("fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>\n");
            if (edge.Label is { } label)
                svg.Append($"<text x=\"{Markup.Number((x1 + x2) / 2)}\" y=\"{Markup.Number((y1 + y2) / 2 - 4)}\" font-size=\"10\" " +
                    $"text-anchor=\"middle\" fill=\"#333\">{Markup.Encode(label)}</text>\n");
        }
        foreach (var node in graph.Nodes)
        {
            var (x, y) = place[node.Id];
            var (fill, stroke, radius) = node.Shape switch
            {
                FlowShape.Gate => ("#fff4d6", "#c79a1e", 2),
                FlowShape.Manual => ("#e6f4ea", "#3c8d50", 20),
                _ => ("#ffffff", "#4a6fa5", 4),
            };
            svg.Append($"<g class=\"node\" data-id=\"{Markup.Encode(node.Id)}\"><rect x=\"{Markup.Number(x)}\" y=\"{Markup.Number(y)}\" " +
                $"width=\"{Width}\" height=\"{Height}\" rx=\"{radius}\" ")
                .Append($"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>");
            var lines = Wrap(node.Label, 30, 3);
            for (var i = 0; i < lines.Count; i++)
            {
                var lineY = y + Height / 2 + (i - (lines.Count - 1) / 2.0) * 14 + 4;
                svg.Append(
                    $"<text x=\"{Markup.Number(x + Width / 2)}\" y=\"{Markup.Number(lineY)}\" " +
                        $"text-anchor=\"middle\">{Markup.Encode(lines[i])}</text>");
            }
            svg.Append("</g>\n");
        }
        return svg.Append("</svg>").ToString();
    }

    // Breaks a label into at most maxLines lines of about width characters (the last one shortened with an ellipsis).
    private static List<string> Wrap(string label, int width, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width) { lines.Add(current); current = word; }
            else current = current.Length == 0 ? word : current + " " + word;
        }
        if (current.Length > 0) lines.Add(current);
        if (lines.Count > maxLines) lines = [.. lines.Take(maxLines - 1), string.Join(' ', lines.Skip(maxLines - 1))];
        return lines.Select(l => l.Length > width + 2 ? l[..(width - 1)] + "…" : l).ToList();
    }
}
