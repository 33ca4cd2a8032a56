using Release.Environments.Rendering;

namespace Release.Environments.Drift;

/// <summary>Configuration drift: every difference between the environment repository and what the source renders, as findings.</summary>
public static class ConfigurationDrift
{
    /// <summary>The kind named in findings and reports.</summary>
    public const string Kind = "configuration";

    /// <summary>Turns the differences into findings, each naming its module (from the path) and <paramref name="repair"/>.</summary>
    public static IReadOnlyList<DriftFinding> Findings(IReadOnlyList<EnvironmentDifference> differences, string repair) =>
        [.. differences.Select(d => new DriftFinding(Kind, d.Environment, ModuleOf(d.Path), d.Field is null ? d.Path : $"{d.Path} {d.Field}",
            d.Expected ?? "(no such file)", d.Found ?? "(missing)", repair))];

    // environments/ENV/MODULE/FILE or environments/ENV/config/MODULE.yaml; anything else is environment-wide.
    private static string ModuleOf(string path)
    {
        var parts = path.Split('/');
        if (parts is ["environments", _, "config", var file]) return Path.GetFileNameWithoutExtension(file);
        if (parts is ["environments", _, var module, _]) return module;
        return "-";
    }
}
