using System.Reflection;
using Release.Testing;

namespace Release.Architecture.Tests;

/// <summary>
/// The top layers: the pipeline core (<c>Release.Pipeline</c>: paths, records, references, registries) under the
/// stages; the stages as components on it, the half that makes a tested image (<c>Release.Stages</c>) below the half
/// that ships it (<c>Release.Delivery</c>); the release process (<c>Release.Releasing</c>) on top. Every assembly in
/// source/ has a layer here, so a new one is placed on purpose, not by accident.
/// </summary>
public class StageLayeringTests
{
    /// <summary>Every assembly under source/, by layer. A new assembly gets a line here and, where it is new, a rule below.</summary>
    private static readonly IReadOnlyDictionary<string, string> Layers = new Dictionary<string, string>
    {
        ["Release.SemVer"] = "foundation",
        ["Release.Foundation"] = "foundation",
        ["Release.Engine"] = "engine",
        ["Release.Tooling"] = "tool",
        ["Release.Oci"] = "tool",
        ["Release.Containers"] = "tool",
        ["Release.Helm"] = "tool",
        ["Release.Scanning"] = "tool",
        ["Release.Process"] = "release rules",
        ["Release.CI"] = "CI generation",
        ["Release.Applications"] = "application declarations",
        ["Release.Operations"] = "operations",
        ["Release.Environments"] = "environments",
        ["Release.Pipeline"] = "pipeline core",
        ["Release.Stages"] = "stages",
        ["Release.Delivery"] = "stages",
        ["Release.Releasing"] = "release process",
    };

    private static readonly string[] Stages = ["Release.Stages", "Release.Delivery"];

    private static IReadOnlyList<string> ReleaseReferencesOf(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Release.", StringComparison.Ordinal)).Order().ToList();

    private static IEnumerable<string> Layer(string layer) => Layers.Where(l => l.Value == layer).Select(l => l.Key);

    [Test]
    public void Every_assembly_in_source_has_a_layer()
    {
        var assemblies = Directory.GetFiles(RepositoryRoot.File("source"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        Assert.That(assemblies, Is.Not.Empty);
        Assert.That(assemblies.Where(a => !Layers.ContainsKey(a!)), Is.Empty,
            "a new assembly in source/: give it a layer in StageLayeringTests.Layers and the rules that hold it");
        Assert.That(Layers.Keys.Where(a => !assemblies.Contains(a)), Is.Empty, "an assembly of the table is gone from source/: remove its line");
    }

    [Test]
    public void The_pipeline_core_references_only_the_engine_the_tool_layers_and_the_foundation()
    {
        var allowed = Layer("engine").Concat(Layer("tool")).Concat(Layer("foundation")).ToHashSet();

        var references = ReleaseReferencesOf("Release.Pipeline");

        Assert.That(references, Does.Contain("Release.Engine"), "the core is built on the engine's components");
        Assert.That(references.Where(r => !allowed.Contains(r)), Is.Empty, "the pipeline core knows no stage, release rule, release process or CI generator");
    }

    [TestCaseSource(nameof(Stages))]
    public void A_stage_assembly_stands_on_the_pipeline_core(string assembly) =>
        Assert.That(ReleaseReferencesOf(assembly), Does.Contain("Release.Pipeline"));

    [TestCaseSource(nameof(Stages))]
    public void A_stage_assembly_knows_nothing_of_the_release_process_or_CI_generation(string assembly) =>
        Assert.That(ReleaseReferencesOf(assembly), Has.None.AnyOf("Release.Releasing", "Release.CI"));

    // Delivery runs after the image is made (Push after Build, UnitTest and Scan), so it may name those targets; the
    // stages that make the image never know what ships it.
    [Test]
    public void The_stages_that_make_the_image_know_nothing_of_delivery() =>
        Assert.That(ReleaseReferencesOf("Release.Stages"), Has.None.EqualTo("Release.Delivery"));

    [Test]
    public void Tool_layers_and_the_engine_know_nothing_of_the_pipeline_core()
    {
        foreach (var assembly in Layer("tool").Append("Release.Engine").Append("Release.CI").Append("Release.Process").Append("Release.SemVer"))
            Assert.That(ReleaseReferencesOf(assembly), Has.None.EqualTo("Release.Pipeline"), assembly);
    }

    // Operations (runbooks, RACI, diagrams, the dashboard) shows the release process; it is the one layer above it.
    [Test]
    public void No_library_but_operations_stands_on_the_release_process()
    {
        foreach (var assembly in Layers.Keys.Where(a => a != "Release.Releasing" && Layers[a] != "operations"))
            Assert.That(ReleaseReferencesOf(assembly), Has.None.EqualTo("Release.Releasing"), assembly);
    }

    [Test]
    public void The_release_process_knows_nothing_of_CI_generation() =>
        Assert.That(ReleaseReferencesOf("Release.Releasing"), Has.None.EqualTo("Release.CI"));
}
