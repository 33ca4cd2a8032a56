using Release.Helm.Versioning;
using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Charts;

/// <summary>The Chart.yaml fields that packaging, the repository index and OCI pushes need, read and checked.</summary>
/// <param name="ApiVersion">The chart format, <c>v2</c>.</param>
/// <param name="Name">The chart name.</param>
/// <param name="Version">The chart version (valid SemVer 2).</param>
/// <param name="AppVersion">The application version, or null.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="Type">The chart type (<c>application</c> or <c>library</c>), or null.</param>
public sealed record ChartMetadata(string ApiVersion, string Name, string Version, string? AppVersion, string? Description, string? Type)
{
    /// <summary>The whole Chart.yaml document, for consumers that carry every field (such as the OCI config).</summary>
    internal YamlMappingNode Document { get; init; } = new();

    /// <summary>Reads <c>Chart.yaml</c> from a chart folder.</summary>
    /// <exception cref="FileNotFoundException">There is no Chart.yaml.</exception>
    /// <exception cref="FormatException">A required field is missing, or the name or version is invalid (message names Chart.yaml and the
    /// fix).</exception>
    public static async Task<ChartMetadata> LoadAsync(string chartDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(chartDirectory, "Chart.yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: a chart folder needs a Chart.yaml.", path);
        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }

    /// <summary>Parses Chart.yaml text; <paramref name="fileName"/> is named in errors.</summary>
    public static ChartMetadata Parse(string text, string fileName)
    {
        var document = YamlFile.ParseMapping(text, fileName);
        var name = RequiredText(document, "name", fileName);
        if (!ChartName.IsValid(name))
            throw new FormatException($"{fileName}: name '{name}' is not a valid chart name; use '{ChartName.Suggest(name)}'.");
        var version = HelmVersion.Parse(RequiredText(document, "version", fileName), $"{fileName}: version").ToString();
        return new ChartMetadata(
            RequiredText(document, "apiVersion", fileName), name, version,
            document.Scalar("appVersion")?.Value, document.Scalar("description")?.Value, document.Scalar("type")?.Value)
        {
            Document = document,
        };
    }

    private static string RequiredText(YamlMappingNode document, string key, string fileName)
    {
        var value = document.Scalar(key)?.Value;
        return string.IsNullOrWhiteSpace(value)
            ? throw new FormatException($"{fileName}: required field '{key}' is missing or empty.")
            : value;
    }
}
