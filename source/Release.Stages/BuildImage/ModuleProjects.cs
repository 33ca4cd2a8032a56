using Release.Engine;

namespace Release.Stages.BuildImage;

/// <summary>Finds the solution and the application project of a module, or says which parameter names them.</summary>
public static class ModuleProjects
{
    /// <summary>The solution to compile: <paramref name="explicitPath"/> (relative to the module) or the module's only solution.</summary>
    public static AbsolutePath Solution(AbsolutePath module, string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Existing(module, explicitPath, "--module-solution");
        var candidates = Directory.GetFiles(module, "*.sln").Concat(Directory.GetFiles(module, "*.slnx")).Order(StringComparer.Ordinal).ToList();
        return candidates.Count == 1
            ? new AbsolutePath(candidates[0])
            : throw new BuildInputException(
                $"The module folder {module} holds {Found(candidates.Select(Path.GetFileName)!, "solution", "solutions")}. " +
                "Name the one to compile with --module-solution (relative to the module folder).");
    }

    /// <summary>The project to containerize: <paramref name="explicitPath"/> or the module's only ASP.NET (Sdk.Web) project.</summary>
    public static AbsolutePath AppProject(AbsolutePath module, string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Existing(module, explicitPath, "--app-project");
        var candidates = Directory.EnumerateFiles(module, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        return candidates.Count == 1
            ? new AbsolutePath(candidates[0])
            : throw new BuildInputException(
                $"The module folder {module} holds " +
                $"{Found(candidates.Select(c => Path.GetRelativePath(module, c)), "ASP.NET project", "ASP.NET projects")}. " +
                "Name the project to build the image from with --app-project (relative to the module folder).");
    }

    // "no solution", or "2 solutions (a.sln, b.sln)".
    private static string Found(IEnumerable<string> names, string one, string many)
    {
        var list = names.ToList();
        return list.Count == 0 ? $"no {one}" : $"{list.Count} {many} ({string.Join(", ", list)})";
    }

    private static AbsolutePath Existing(AbsolutePath module, string relative, string parameter)
    {
        var path = module / relative;
        return path.FileExists() ? path : throw new BuildInputException($"{parameter} '{relative}' does not exist in the module folder {module}. " +
            "Fix the path (it is relative to the module folder).");
    }
}
