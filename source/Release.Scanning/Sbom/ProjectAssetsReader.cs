using System.Text.Json;
using Release.Scanning.Model;

namespace Release.Scanning.Sbom;

/// <summary>
/// Reads the NuGet packages of a restored .NET project from <c>obj/project.assets.json</c>: every package in every
/// target (direct and transitive), marked direct when the project references it, and excluded when only
/// build-time references (<c>PrivateAssets="all"</c>) pull it in.
/// </summary>
public static class ProjectAssetsReader
{
    /// <summary>Reads the packages from an assets file.</summary>
    /// <param name="assetsPath">Path to <c>project.assets.json</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="FileNotFoundException">The file is missing; the message says to run <c>dotnet restore</c>.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable assets file; the message names it.</exception>
    public static async Task<IReadOnlyList<SoftwareComponent>> ReadAsync(string assetsPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(assetsPath))
        {
            throw new FileNotFoundException(
                $"{assetsPath}: no project.assets.json. Run 'dotnet restore' on the project before building its SBOM.", assetsPath);
        }

        var stream = File.OpenRead(assetsPath);
        await using var streamDisposal = stream.ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{assetsPath}: not valid JSON (line {e.LineNumber + 1}): {e.Message} Delete the obj folder and run 'dotnet restore' again.", e);
        }

        using (document)
        {
            return Read(document.RootElement, assetsPath);
        }
    }

    private static IReadOnlyList<SoftwareComponent> Read(JsonElement root, string place)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException(
                $"{place}: no 'targets' object; this is not a NuGet project.assets.json. Run 'dotnet restore' to recreate it.");
        }

        var (requiredRoots, privateRoots) = ReadDirectReferences(root);
        var components = new List<SoftwareComponent>();
        foreach (var target in targets.EnumerateObject())
        {
            var graph = AssetsTargetGraph.Read(target.Value, $"{place}: targets.{target.Name}");
            var required = graph.ReachableFrom(requiredRoots.Concat(graph.ProjectNames));
            foreach (var package in graph.Packages)
            {
                var isDirect = requiredRoots.Contains(package.Name) || privateRoots.Contains(package.Name);
                var scope = required.Contains(package.Name) ? DependencyScope.Required : DependencyScope.Excluded;
                components.Add(new SoftwareComponent(ComponentEcosystem.NuGet, package.Name, package.Version, scope, isDirect)
                {
                    DependsOn = graph.DependenciesOf(package.Name),
                });
            }
        }

        // The same package appears once per target framework / runtime; keep the most "shipping" occurrence.
        return components
            .GroupBy(c => c.Purl, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.Scope).ThenByDescending(c => c.IsDirect).First())
            .OrderBy(c => c.Purl, StringComparer.Ordinal)
            .ToList();
    }

    // Direct package references of the project, split by whether they flow to consumers (PrivateAssets=all does not).
    private static (HashSet<string> Required, HashSet<string> Private) ReadDirectReferences(JsonElement root)
    {
        var required = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var privateOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("project", out var project) || !project.TryGetProperty("frameworks", out var frameworks))
        {
            return (required, privateOnly);
        }

        foreach (var framework in frameworks.EnumerateObject())
        {
            if (!framework.Value.TryGetProperty("dependencies", out var dependencies))
            {
                continue;
            }

            foreach (var dependency in dependencies.EnumerateObject())
            {
                var suppressed = dependency.Value.TryGetProperty("suppressParent", out var suppress)
                    && string.Equals(suppress.GetString(), "All", StringComparison.OrdinalIgnoreCase);
                (suppressed ? privateOnly : required).Add(dependency.Name);
            }
        }

        privateOnly.ExceptWith(required);
        return (required, privateOnly);
    }
}
