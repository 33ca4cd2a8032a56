namespace Release.Operations.Diagrams;

/// <summary>How a node is drawn.</summary>
public enum FlowShape
{
    /// <summary>A step or a job: a rectangle.</summary>
    Box,

    /// <summary>A gate or decision: a diamond (Mermaid) or a hexagon-like box (SVG).</summary>
    Gate,

    /// <summary>Something a person starts by hand (a manual job): a rounded box.</summary>
    Manual,
}

/// <summary>One node of a flow diagram.</summary>
/// <param name="Id">A stable identifier (letters, digits, '_').</param>
/// <param name="Label">What the node shows.</param>
/// <param name="Shape">How it is drawn.</param>
/// <param name="Group">The group (batch, stage) it is drawn in, or null.</param>
public sealed record FlowNode(string Id, string Label, FlowShape Shape = FlowShape.Box, string? Group = null);

/// <summary>One edge: <paramref name="From"/> must come before <paramref name="To"/>.</summary>
/// <param name="From">The node before.</param>
/// <param name="To">The node after.</param>
/// <param name="Label">An optional label on the edge.</param>
public sealed record FlowEdge(string From, string To, string? Label = null);

/// <summary>A directed flow diagram, rendered as Mermaid text for documents and as SVG for the dashboard.</summary>
/// <param name="Title">The diagram's title.</param>
/// <param name="Nodes">Its nodes in a stable order.</param>
/// <param name="Edges">Its edges; every end names a node.</param>
public sealed record FlowGraph(string Title, IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowEdge> Edges)
{
    /// <summary>A node id made from any text: letters and digits kept, everything else '_'.</summary>
    /// <param name="text">The text, e.g. a job or environment name.</param>
    public static string IdOf(string text) =>
        "n_" + new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>
    /// The rank of every node: 0 for nodes nothing points to, else one more than the highest rank before it (the
    /// longest path), so every edge points to a higher rank. Edges closing a cycle are ignored.
    /// </summary>
    public IReadOnlyDictionary<string, int> Ranks()
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int RankOf(string id)
        {
            if (ranks.TryGetValue(id, out var known)) return known;
            if (!visiting.Add(id)) return 0;
            var rank = Edges.Where(e => e.To == id && Nodes.Any(n => n.Id == e.From)).Select(e => RankOf(e.From) + 1).DefaultIfEmpty(0).Max();
            visiting.Remove(id);
            return ranks[id] = rank;
        }
        foreach (var node in Nodes) RankOf(node.Id);
        return ranks;
    }
}
