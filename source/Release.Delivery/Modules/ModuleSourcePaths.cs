using Release.Applications;
using Release.Stages.Clone;

namespace Release.Delivery.Modules;

/// <summary>
/// The paths of this repository a module of an application is built from, whose last change versions it
/// (<see cref="IClone.SourceFolders"/>): its folder and declared inputs, those of every module it depends on (directly
/// or not), and the files the .NET SDK and MSBuild find above a folder module (<c>global.json</c>, <c>NuGet.config</c>,
/// <c>Directory.Build.props</c> and the like, up to the repository root), which a build reads without naming them.
/// </summary>
internal static class ModuleSourcePaths
{
    // Looked up by dotnet, NuGet and MSBuild in every folder above the project; a missing one counts when it appears.
    private static readonly string[] AncestorFiles =
    [
        "global.json", "NuGet.config", "nuget.config", "NuGet.Config", "Directory.Build.props", "Directory.Build.targets",
        "Directory.Packages.props",
    ];

    /// <summary>The module's paths, its own first; null for a module of its own repository (versioned at its checkout).</summary>
    public static IReadOnlyList<SourceFolder>? Of(CheckedApplication application, string module)
    {
        var declared = application[module];
        if (declared.Source is not FolderSource) return null;
        var paths = new List<SourceFolder>();
        foreach (var each in application.Graph.AllDependenciesOf(declared.Name).Prepend(declared.Name).Select(name => application[name]))
        {
            if (each.Source is FolderSource) paths.Add(new SourceFolder(each.Folder, each.Name));
            paths.AddRange(each.Inputs.Select(input => new SourceFolder(input, each.Name)));
        }
        // Shared by the modules above which they sit: named as the module's own, not as a dependency's.
        var folders = paths.Where(p => application[p.Module].Source is FolderSource && p.Path == application[p.Module].Folder)
            .Select(p => p.Path).ToList();
        paths.AddRange(folders.SelectMany(Ancestors).Distinct(StringComparer.Ordinal)
            .SelectMany(folder => AncestorFiles.Select(file => folder == "." ? file : $"{folder}/{file}"))
            .Select(file => new SourceFolder(file, declared.Name)));
        return paths.DistinctBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    // The folders above a folder of the repository, up to its root ("."), nearest first; none for the root itself.
    private static IEnumerable<string> Ancestors(string folder)
    {
        if (folder == ".") yield break;
        for (var slash = folder.LastIndexOf('/'); slash > 0; slash = folder.LastIndexOf('/', slash - 1))
            yield return folder[..slash];
        yield return ".";
    }
}
