using System.Reflection;

namespace Release.Helm.Charts;

/// <summary>The generated chart files that are fully owned by the generator, read from the embedded template files.</summary>
internal static class ChartTemplates
{
    /// <summary>Chart-relative path to embedded resource name, for every file rewritten on each run.</summary>
    public static readonly IReadOnlyList<(string ChartPath, string Resource)> Files =
    [
        (".helmignore", "helmignore.txt"),
        ("templates/_helpers.tpl", "_helpers.tpl"),
        ("templates/configmap.yaml", "configmap.yaml"),
        ("templates/deployment.yaml", "deployment.yaml"),
        ("templates/service.yaml", "service.yaml"),
        ("templates/serviceaccount.yaml", "serviceaccount.yaml"),
        ("templates/ingress.yaml", "ingress.yaml"),
        ("templates/hpa.yaml", "hpa.yaml"),
        ("templates/NOTES.txt", "NOTES.txt"),
        ("templates/tests/test-connection.yaml", "test-connection.yaml"),
        // Types of the values, the generator's and the seeded ones; unknown keys stay allowed for the team.
        ("values.schema.json", "values.schema.json"),
    ];

    public static string Render(string resource, string chartName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Release.Helm.Templates.{resource}")
                           ?? throw new InvalidOperationException($"Embedded chart template '{resource}' is missing from Release.Helm.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n").Replace("__CHART__", chartName);
    }
}
