using System.Text.Json;
using Release.Scanning.Model;

namespace Release.Scanning.Sbom;

/// <summary>
/// Finds the .NET shared frameworks an image carries (the runtime the app runs on, which the base image brings) from
/// their <c>shared/FRAMEWORK/VERSION/FRAMEWORK.deps.json</c>. Each becomes the NuGet runtime pack it was built from,
/// e.g. <c>Microsoft.NETCore.App.Runtime.linux-x64</c> 10.0.12: the package id under which GitHub's advisory database,
/// and so OSV's NuGet ecosystem, lists .NET runtime vulnerabilities, so an advisory on that runtime version matches.
/// </summary>
public static class DotnetRuntimeReader
{
    // The frameworks whose runtime packs advisories name; the ASP.NET one runs on the core one.
    private static readonly string[] Frameworks = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"];

    /// <summary>Whether an image path is a shared framework's deps.json, e.g.
    /// <c>usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/Microsoft.NETCore.App.deps.json</c>.</summary>
    /// <param name="path">The path inside the image, without a leading slash.</param>
    public static bool IsFrameworkManifest(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 4 && parts[^4] == "shared" && Frameworks.Contains(parts[^3]) && parts[^1] == parts[^3] + ".deps.json";
    }

    /// <summary>The runtime pack a framework's deps.json describes; null when the file names none.</summary>
    /// <param name="text">The deps.json text.</param>
    /// <param name="place">Where it was read, for error messages.</param>
    /// <exception cref="InvalidDataException">The file is not JSON.</exception>
    public static SoftwareComponent? Parse(string text, string place)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            // The RID-specific target lists one library, "Microsoft.NETCore.App.Runtime.linux-x64/10.0.12": the pack itself.
            if (!document.RootElement.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object) return null;
            foreach (var target in targets.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Object))
            foreach (var library in target.Value.EnumerateObject())
            {
                var slash = library.Name.IndexOf('/');
                if (slash <= 0) continue;
                var name = library.Name[..slash];
                var framework = Frameworks.FirstOrDefault(f => name.StartsWith(f + ".Runtime.", StringComparison.OrdinalIgnoreCase));
                if (framework is null) continue;
                return new SoftwareComponent(ComponentEcosystem.NuGet, name, library.Name[(slash + 1)..], DependencyScope.Required, IsDirect: true)
                {
                    DependsOn = framework == "Microsoft.AspNetCore.App"
                        ? [name.Replace("Microsoft.AspNetCore.App", "Microsoft.NETCore.App", StringComparison.Ordinal)]
                        : [],
                };
            }
            return null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{place}: not a valid .NET deps.json ({e.Message}).", e);
        }
    }
}
