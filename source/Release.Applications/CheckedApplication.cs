using Release.Engine;
using Release.Process.Applications;

namespace Release.Applications;

/// <summary>
/// An application whose declaration passed every check: its modules and their graph. Build definitions read it to
/// declare a <see cref="TargetFamily"/> per stage, one member per module, with members related along the graph.
/// </summary>
public sealed class CheckedApplication
{
    private readonly Dictionary<string, ApplicationModule> _byName;
    private readonly Dictionary<string, IReadOnlyList<string>> _changePaths = new(StringComparer.OrdinalIgnoreCase);

    internal CheckedApplication(string name, AbsolutePath root, IReadOnlyList<ApplicationModule> modules, ModuleGraph graph)
    {
        Name = name;
        Root = root;
        Modules = modules;
        Graph = graph;
        _byName = modules.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The application's name.</summary>
    public string Name { get; }

    /// <summary>The repository root the declaration was checked against.</summary>
    public AbsolutePath Root { get; }

    /// <summary>The modules, in declaration order.</summary>
    public IReadOnlyList<ApplicationModule> Modules { get; }

    /// <summary>The module names, in declaration order: the members of a per-module target family.</summary>
    public IReadOnlyList<string> ModuleNames => Modules.Select(m => m.Name).ToList();

    /// <summary>The module graph: deploy order, layers, the modules a change reaches.</summary>
    public ModuleGraph Graph { get; }

    /// <summary>The module named <paramref name="name"/> (ignoring case).</summary>
    public ApplicationModule this[string name] => _byName.TryGetValue(name, out var module) ? module
        : throw new BuildInputException($"Application '{Name}' has no module '{name}' (modules: {string.Join(", ", ModuleNames)}).");

    /// <summary>The modules <paramref name="module"/> depends on directly: the family members its member depends on.</summary>
    public IReadOnlyList<string> DependenciesOf(string module) => Graph.DependenciesOf(this[module].Name);

    /// <summary>The module's folder.</summary>
    public AbsolutePath FolderOf(string module) => Root / this[module].Folder;

    /// <summary>
    /// Globs of the files whose changes reach <paramref name="module"/>: its own folder and those of every module it
    /// depends on, directly or not, and their declared build inputs (<see cref="ApplicationModule.Inputs"/>). For <see cref="ITargetDefinition.ChangedBy"/>, so a CI job runs for a change to the
    /// module or to anything it needs.
    /// </summary>
    public IReadOnlyList<string> ChangePathsOf(string module)
    {
        var name = this[module].Name;
        lock (_changePaths)
        {
            if (!_changePaths.TryGetValue(name, out var paths)) _changePaths[name] = paths = ComputeChangePaths(name);
            return paths;
        }
    }

    // Loops, not a LINQ chain: every start (--help included) asks this for each module in several target families, and
    // each iterator type of a chain costs that start its first use. Computed once per module: the answer cannot change.
    private List<string> ComputeChangePaths(string module)
    {
        var folders = new List<string>();
        foreach (var name in Graph.AllDependenciesOf(module)) AddPathsOf(this[name], folders);
        AddPathsOf(this[module], folders);
        var globs = new List<string>(folders.Count);
        foreach (var path in folders) globs.Add(path == "." ? "**/*" : (Root / path).FileExists() ? path : path + "/**/*");
        return globs;
    }

    private static void AddPathsOf(ApplicationModule module, List<string> paths)
    {
        if (module.Source is FolderSource && !paths.Contains(module.Folder)) paths.Add(module.Folder);
        foreach (var input in module.Inputs)
            if (!paths.Contains(input)) paths.Add(input);
    }
}
