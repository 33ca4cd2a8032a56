using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Linting;

/// <summary>
/// Lints a chart folder natively (no helm CLI needed): Chart.yaml fields, values.yaml syntax, template delimiters and
/// blocks, and <c>.Values</c> references. It checks structure, not rendering: template functions are not evaluated.
/// </summary>
public sealed class ChartLinter
{
    private static readonly string[] TemplateExtensions = [".yaml", ".yml", ".tpl", ".txt", ".json"];

    /// <summary>Lints the chart in <paramref name="chartDirectory"/>; findings are sorted by file, then line.</summary>
    public async Task<IReadOnlyList<LintFinding>> LintAsync(string chartDirectory, CancellationToken cancellationToken = default)
    {
        var findings = new List<LintFinding>();
        var chart = await LoadAsync(chartDirectory, "Chart.yaml", required: true, findings, cancellationToken).ConfigureAwait(false);
        if (chart is not null) ChartYamlRules.Check(chart, Path.GetFileName(Path.GetFullPath(chartDirectory).TrimEnd('/')), findings);
        var values = await LoadAsync(chartDirectory, "values.yaml", required: false, findings, cancellationToken).ConfigureAwait(false);

        var templates = Path.Combine(chartDirectory, "templates");
        if (Directory.Exists(templates))
        {
            foreach (var path in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!TemplateExtensions.Contains(Path.GetExtension(path))) continue;
                var relative = Path.GetRelativePath(chartDirectory, path).Replace('\\', '/');
                var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
                findings.AddRange(TemplateDelimiterChecker.Check(text, relative));
                if (values is not null) findings.AddRange(ValuesReferenceChecker.Check(text, relative, values));
            }
        }

        return findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
    }

    /// <summary>Lints and throws <see cref="ChartLintException"/> if any finding is an error; returns the warnings otherwise.</summary>
    public async Task<IReadOnlyList<LintFinding>> EnsureValidAsync(string chartDirectory, CancellationToken cancellationToken = default)
    {
        var findings = await LintAsync(chartDirectory, cancellationToken).ConfigureAwait(false);
        if (findings.Any(f => f.Severity == LintSeverity.Error)) throw new ChartLintException(chartDirectory, findings);
        return findings;
    }

    private static async Task<YamlMappingNode?> LoadAsync(
        string chartDirectory, string name, bool required, List<LintFinding> findings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(chartDirectory, name);
        if (!File.Exists(path))
        {
            if (required) findings.Add(new(LintSeverity.Error, name, 0, $"{name} is missing; a chart folder needs one"));
            return required ? null : new YamlMappingNode();
        }

        try
        {
            return YamlFile.ParseMapping(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), name);
        }
        catch (YamlSyntaxException error)
        {
            var line = error is YamlSyntaxException syntax ? syntax.Line : 0;
            findings.Add(new(LintSeverity.Error, name, line, error.Message));
            return null;
        }
    }
}
