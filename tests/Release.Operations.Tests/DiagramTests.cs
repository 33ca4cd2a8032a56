using System.Xml.Linq;
using Release.Operations.Diagrams;
using Release.Operations.Rendering;
using Release.Process.Approvals;
using Release.Process.Promotion;

namespace Release.Operations.Tests;

public class DiagramTests
{
    private static readonly FlowGraph Small = new("Small \"one\"",
        [new("n_a", "Build"), new("n_b", "Gate \"go\"", FlowShape.Gate), new("n_c", "Deploy", FlowShape.Manual, "batch 1")],
        [new("n_a", "n_b"), new("n_b", "n_c", "Promote")]);

    [Test]
    public void Mermaid_text_has_shapes_groups_labels_and_escaped_quotes() =>
        Assert.That(MermaidFlowchart.Render(Small), Is.EqualTo("""
            flowchart LR
              n_a["Build"]
              n_b{"Gate #quot;go#quot;"}
              subgraph n_group_batch_1["batch 1"]
                n_c(["Deploy"])
              end
              n_a --> n_b
              n_b -->|"Promote"| n_c

            """.Replace("\r\n", "\n")));

    [Test]
    public void The_SVG_is_well_formed_with_a_box_per_node_an_arrow_per_edge_and_edges_pointing_right()
    {
        var svg = XElement.Parse(FlowchartSvg.Render(Small));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var nodes = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "node").ToList();
        Assert.That(nodes.Select(n => (string?)n.Attribute("data-id")), Is.EqualTo(new[] { "n_a", "n_b", "n_c" }));
        var x = nodes.ToDictionary(n => (string)n.Attribute("data-id")!, n => double.Parse((string)n.Element(ns + "rect")!.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(x["n_a"], Is.LessThan(x["n_b"]));
        Assert.That(x["n_b"], Is.LessThan(x["n_c"]));
        Assert.That(svg.Descendants(ns + "path").Count(p => (string?)p.Attribute("class") == "edge"), Is.EqualTo(2));
        Assert.That(svg.Descendants(ns + "g").Count(g => (string?)g.Attribute("class") == "group"), Is.EqualTo(1));
        Assert.That(svg.Element(ns + "title")!.Value, Is.EqualTo("Small \"one\""));
    }

    [Test]
    public void Ranks_are_longest_paths_and_a_cycle_does_not_hang()
    {
        var graph = new FlowGraph("g", [new("a", "a"), new("b", "b"), new("c", "c")], [new("a", "b"), new("b", "c"), new("a", "c"), new("c", "a")]);
        var ranks = graph.Ranks();
        Assert.That(ranks["b"], Is.GreaterThan(ranks["a"]).Or.LessThan(ranks["a"]));
        Assert.That(ranks.Count, Is.EqualTo(3));
    }

    [Test]
    public void The_promotion_diagram_puts_the_gate_and_the_blessing_before_production_and_draws_batches()
    {
        var graph = OperationsDiagrams.Promotion(EnvironmentChain.Default(), [GatePolicy.SeedDefault()], ["main"],
            new Dictionary<string, string> { ["staging"] = "wave 1", ["pre-prod"] = "wave 1" });
        var order = graph.Ranks().OrderBy(r => r.Value).Select(r => r.Key).ToList();
        Assert.That(order, Is.EqualTo(new[] { "n_build", "n_env_staging", "n_env_pre_prod", "n_gate_production", "n_bless_production", "n_env_production" }));
        Assert.That(graph.Nodes.Single(n => n.Id == "n_gate_production").Label, Does.Contain("ModuleLead, Sre, Qa, ProductManagement").And.Contain("8 checklist items"));
        Assert.That(MermaidFlowchart.Render(graph), Does.Contain("subgraph n_group_wave_1[\"wave 1\"]"));
    }

    [Test]
    public void Charts_draw_a_bar_per_value_skip_missing_points_and_say_when_empty()
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var bars = XElement.Parse(ChartSvg.Render("Deployments", "per week", [new("w1", 2), new("w2", 0), new("w3", 5)], ChartKind.Bars));
        Assert.That(bars.Descendants(ns + "rect").Count(r => (string?)r.Attribute("class") == "bar"), Is.EqualTo(3));
        var tallest = bars.Descendants(ns + "rect").Where(r => (string?)r.Attribute("class") == "bar")
            .MaxBy(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.That(tallest.Element(ns + "title")!.Value, Does.StartWith("w3: 5"));
        var line = XElement.Parse(ChartSvg.Render("Lead time", "hours", [new("w1", 3.5), new("w2", null), new("w3", 1)], ChartKind.Line));
        Assert.That(line.Descendants(ns + "circle").Count(), Is.EqualTo(2));
        Assert.That(line.Descendants(ns + "polyline").Count(), Is.EqualTo(1));
        var empty = ChartSvg.Render("Lead time", "hours", [], ChartKind.Line);
        Assert.That(empty, Does.Contain("no production deployment yet"));
        Assert.That(() => XElement.Parse(empty), Throws.Nothing);
    }
}
