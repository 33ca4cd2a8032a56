using Release.Foundation.Yaml;
using Release.Helm.Charts;
using Release.Helm.Versioning;
using Release.Helm.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Linting;

/// <summary>The Chart.yaml rules: required fields, chart name, SemVer 2 version, and an appVersion that stays a string.</summary>
internal static class ChartYamlRules
{
    private const string File = "Chart.yaml";

    public static void Check(YamlMappingNode chart, string folderName, List<LintFinding> findings)
    {
        var apiVersion = Required(chart, "apiVersion", "apiVersion: v2", findings);
        if (apiVersion is not null && apiVersion.Value != "v2")
            findings.Add(new(LintSeverity.Error, File, Line(apiVersion),
                $"apiVersion '{apiVersion.Value}': charts written here use format v2; set 'apiVersion: v2'"));

        var name = Required(chart, "name", "name: my-module", findings);
        if (name is not null && !ChartName.IsValid(name.Value))
            findings.Add(new(LintSeverity.Error, File, Line(name),
                $"name '{name.Value}' is not a valid chart name (lowercase letters, digits, dashes); use '{ChartName.Suggest(name.Value)}'"));
        else if (name is not null && name.Value != folderName)
            findings.Add(new(LintSeverity.Warning, File, Line(name),
                $"name '{name.Value}' differs from the chart folder '{folderName}'; rename one so they match"));

        var version = Required(chart, "version", "version: 1.0.0", findings);
        if (version is not null && HelmVersion.TryParse(version.Value, out var problem) is null)
            findings.Add(new(LintSeverity.Error, File, Line(version), $"version '{version.Value}' is not SemVer 2: {problem}"));

        var appVersion = chart.Scalar("appVersion");
        if (appVersion is { Style: ScalarStyle.Plain or ScalarStyle.Any } && YamlScalars.NeedsQuotes(appVersion.Value ?? ""))
            findings.Add(new(LintSeverity.Error, File, Line(appVersion),
                $"appVersion {appVersion.Value} is unquoted and YAML reads it as a number or bool (1.10 becomes 1.1); "
                + $"quote it: appVersion: \"{appVersion.Value}\""));
        else if (chart.Child("appVersion") is { } notScalar and not YamlScalarNode)
            findings.Add(new(LintSeverity.Error, File, Line(notScalar), "appVersion must be a quoted string"));
    }

    private static YamlScalarNode? Required(YamlMappingNode chart, string key, string example, List<LintFinding> findings)
    {
        var value = chart.Scalar(key);
        if (value is not null && !string.IsNullOrWhiteSpace(value.Value)) return value;
        findings.Add(new(LintSeverity.Error, File, value is null ? 0 : Line(value), $"required field '{key}' is missing or empty; add e.g. " +
            $"'{example}'"));
        return null;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
