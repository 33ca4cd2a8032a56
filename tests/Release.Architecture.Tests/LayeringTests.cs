using System.Reflection;

namespace Release.Architecture.Tests;

/// <summary>
/// The folder tree promises layers: the engine knows nothing of tools, CI vendors or release rules; tool wrappers know
/// nothing of targets; CI generation reads only the engine's graph; the release rules' core does no I/O. Two
/// foundations sit below them and reference nothing of ours: Release.SemVer (versions alone, which the release rules
/// and the Helm and git tool layers read) and Release.Foundation (atomic writes, secret masking, YAML quoting: the few
/// utilities the engine and the tool layers both need, one copy each). These tests hold the assemblies to that promise.
/// </summary>
public class LayeringTests
{
    private static readonly string[] ToolLayers = ["Release.Tooling", "Release.Oci", "Release.Containers", "Release.Helm", "Release.Scanning"];

    private static IReadOnlyList<string> ReleaseReferencesOf(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Release.", StringComparison.Ordinal)).Order().ToList();

    /// <summary>What an assembly references beyond .NET itself: ours and packages.</summary>
    private static IReadOnlyList<string> NonFrameworkReferencesOf(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft.", StringComparison.Ordinal) && n != "netstandard")
            .Order().ToList();

    [Test]
    public void The_engine_references_no_other_layer_only_the_foundation() =>
        Assert.That(ReleaseReferencesOf("Release.Engine"), Is.EqualTo(new[] { "Release.Foundation" }));

    [TestCaseSource(nameof(ToolLayers))]
    public void A_tool_layer_knows_nothing_of_targets_stages_or_release_rules(string assembly) =>
        Assert.That(ReleaseReferencesOf(assembly), Has.None.AnyOf("Release.Engine", "Release.Pipeline", "Release.Stages", "Release.Delivery", "Release.Releasing", "Release.CI", "Release.Process", "Release.Applications"));

    [Test]
    public void CI_generation_reads_only_the_engine() =>
        Assert.That(ReleaseReferencesOf("Release.CI"), Is.EqualTo(new[] { "Release.Engine", "Release.Foundation" }));

    // The release rules promote by digest with the OCI client's own digest type (Release.Foundation.Oci): one rule for
    // what a digest is. The foundation's file helpers are off limits to them (see the purity test below).
    [Test]
    public void Release_rules_reference_only_the_foundations() =>
        Assert.That(ReleaseReferencesOf("Release.Process"), Is.EqualTo(new[] { "Release.Foundation", "Release.SemVer" }));

    // The one outside package the release rules may use: NSec (libsodium) verifies Ed25519 signatures of release
    // records and evidence in memory; .NET has no Ed25519 of its own. Anything else must be argued for here.
    [Test]
    public void Release_rules_reference_no_package_but_NSec_for_Ed25519() =>
        Assert.That(NonFrameworkReferencesOf("Release.Process"), Is.EqualTo(new[] { "NSec.Cryptography", "Release.Foundation", "Release.SemVer" }));

    [TestCase("Release.SemVer")]
    [TestCase("Release.Foundation")]
    public void A_foundation_references_nothing_of_ours(string assembly) =>
        Assert.That(ReleaseReferencesOf(assembly), Is.Empty);

    // The utilities foundation is a library of helpers, not a layer: no package either, so referencing it costs nothing.
    // An application's declaration sits on the engine (its errors are build input, its modules become target families)
    // and on the release rules' pure module graph; it knows nothing of tools, stages or CI vendors.
    [Test]
    public void Application_declarations_read_only_the_engine_and_the_release_rules() =>
        Assert.That(ReleaseReferencesOf("Release.Applications"), Is.EqualTo(new[] { "Release.Engine", "Release.Process" }));

    [Test]
    public void The_utilities_foundation_references_no_package() =>
        Assert.That(NonFrameworkReferencesOf("Release.Foundation"), Is.Empty);

    private static readonly string[] AllAssemblies =
        ["Release.Engine", "Release.SemVer", "Release.Foundation", "Release.Process", "Release.CI", .. ToolLayers, "Release.Applications", "Release.Pipeline", "Release.Stages", "Release.Delivery", "Release.Releasing",
         "Release.Operations", "Release.Environments"];

    // History is read in-process through libgit2 in one place, the git tool wrapper (GitHistory): targets and stages
    // ask it, so the native library loads only inside targets that read history, never on `./build.sh --help`.
    [TestCaseSource(nameof(AllAssemblies))]
    public void Only_the_git_tool_wrapper_references_libgit2(string assembly) =>
        Assert.That(Assembly.Load(assembly).GetReferencedAssemblies().Any(a => a.Name == "LibGit2Sharp"), Is.EqualTo(assembly == "Release.Tooling"));

    // Environments as code sit beside the delivery stages: they read the application's declaration, render with the Helm
    // layer's Flux writer and read git through the tool layer; they know nothing of CI vendors, deployers or release records.
    [Test]
    public void Environments_know_nothing_of_CI_vendors_deployers_or_release_records() =>
        Assert.That(ReleaseReferencesOf("Release.Environments"), Has.None.AnyOf("Release.CI", "Release.Delivery", "Release.Releasing"));

    // What needs both the environments and the release records or deployers (records and local runtime drift, Rebuild)
    // lives in operations, the one layer above the release process: Release.Environments stays below both.
    [Test]
    public void Operations_join_environments_with_the_release_process_and_the_deployers() =>
        Assert.That(ReleaseReferencesOf("Release.Operations"), Is.SupersetOf(new[] { "Release.Environments", "Release.Releasing", "Release.Delivery" }));

    // KubernetesClient's first YAML serialization costs ~0.6 s: one assembly references it, and only its rendering targets call it.
    [TestCaseSource(nameof(AllAssemblies))]
    public void Only_environments_reference_KubernetesClient(string assembly) =>
        Assert.That(Assembly.Load(assembly).GetReferencedAssemblies().Any(a => a.Name == "KubernetesClient"), Is.EqualTo(assembly == "Release.Environments"));

    // The configuration source and its check are plain code: the declaration types (namespace Release.Environments
    // itself) do no I/O; rendering, the repository and the targets live in the sub-namespaces.
    [Test]
    public void The_environment_declaration_and_its_check_do_no_file_process_or_network_io() =>
        Assert.That(IoCallsIn(Assembly.Load("Release.Environments").GetTypes().Where(t => t.Namespace == "Release.Environments")), Is.Empty);

    // Release.Process may read the foundation's digest type, never its file helpers (Release.Foundation.IO).
    [TestCase("Release.Process")]
    [TestCase("Release.SemVer")]
    public void Release_rules_and_versions_do_no_file_process_or_network_io(string assembly) =>
        Assert.That(IoCallsIn(Assembly.Load(assembly).GetTypes()), Is.Empty,
            $"{assembly} must stay pure: move I/O to the components in Release.Releasing");

    // Release.Operations: its components (IOperations, the writers) read the records and write files; everything that
    // renders (runbooks, RACI, diagrams, charts, delivery figures, dashboard pages) is plain code with no I/O.
    [Test]
    public void Operations_rendering_does_no_file_process_or_network_io()
    {
        string[] pure = ["Release.Operations.Runbooks", "Release.Operations.Diagrams", "Release.Operations.Delivery", "Release.Operations.Rendering", "Release.Operations.Dashboard"];
        var types = Assembly.Load("Release.Operations").GetTypes().Where(t => pure.Contains(t.Namespace)).ToList();
        Assert.That(types, Is.Not.Empty);
        Assert.That(IoCallsIn(types), Is.Empty,
            "Release.Operations renders without I/O: move reading and writing to its components (DashboardWriter, IOperations)");
    }

    [Test]
    public void Operations_build_on_the_release_components_and_CI_not_on_tool_layers() =>
        Assert.That(ReleaseReferencesOf("Release.Operations"), Is.SupersetOf(new[] { "Release.CI", "Release.Releasing" })
            .And.None.AnyOf("Release.Tooling", "Release.Oci", "Release.Containers", "Release.Helm", "Release.Scanning"));

    /// <summary>The types of file, process and network I/O, and the foundation's file helpers, that pure code never calls.</summary>
    private static readonly Type[] IoTypes = [typeof(File), typeof(Directory), typeof(FileStream), typeof(System.Diagnostics.Process), typeof(HttpClient)];

    private static bool IsIo(Type type) => IoTypes.Contains(type) || type.Namespace == "Release.Foundation.IO";

    /// <summary>"Type.Method" for every method of <paramref name="types"/> whose body calls an I/O type.</summary>
    private static List<string> IoCallsIn(IEnumerable<Type> types) =>
        types.SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.GetMethodBody() is not null && CallsIo(m))
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToList();

    /// <summary>Reads the method's IL for call/newobj tokens and checks their declaring types.</summary>
    private static bool CallsIo(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F or 0x73)) continue; // call, callvirt, newobj
            try
            {
                var member = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1),
                    method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                    method.IsGenericMethod ? method.GetGenericArguments() : null);
                if (member?.DeclaringType is { } declaring && IsIo(declaring)) return true;
            }
            catch (ArgumentException) { }
            catch (BadImageFormatException) { }
        }
        return false;
    }
}
