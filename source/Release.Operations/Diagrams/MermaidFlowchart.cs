using System.Text;

namespace Release.Operations.Diagrams;

/// <summary>Writes a <see cref="FlowGraph"/> as a Mermaid flowchart (left to right), the form GitLab and GitHub draw in Markdown.</summary>
public static class MermaidFlowchart
{
    /// <summary>The Mermaid text, without the surrounding code fence.</summary>
    /// <param name="graph">The diagram.</param>
    public static string Render(FlowGraph graph)
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var group in graph.Nodes.GroupBy(n => n.Group))
        {
            var indent = "  ";
            if (group.Key is { } name)
            {
                text.Append($"  subgraph {FlowGraph.IdOf("group " + name)}[\"{Escape(name)}\"]\n");
                indent = "    ";
            }
            foreach (var node in group) text.Append(indent).Append(Node(node)).Append('\n');
            if (group.Key is not null) text.Append("  end\n");
        }
        foreach (var edge in graph.Edges)
            text.Append("  ").Append(edge.From).Append(edge.Label is { } label ? $" -->|\"{Escape(label)}\"| " : " --> ").Append(edge.To)
                .Append('\n');
        return text.ToString();
    }

    private static string Node(FlowNode node) => node.Shape switch
    {
        FlowShape.Gate => $"{node.Id}{{\"{Escape(node.Label)}\"}}",
        FlowShape.Manual => $"{node.Id}([\"{Escape(node.Label)}\"])",
        _ => $"{node.Id}[\"{Escape(node.Label)}\"]",
    };

    // Mermaid reads a double quote as the end of a label; #quot; is its own escape for it.
    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
