using Release.Foundation.IO;
using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Charts;

/// <summary>
/// Writes and maintains a Helm chart (format v2) for one module. "Generate and maintain" rule, applied on every run:
/// <list type="bullet">
/// <item>Chart.yaml, .helmignore, values.schema.json and the templates (_helpers.tpl, deployment.yaml, service.yaml,
/// configmap.yaml, serviceaccount.yaml, ingress.yaml, hpa.yaml, NOTES.txt, tests/test-connection.yaml; see
/// <see cref="ChartTemplates"/>) are the generator's: they are rewritten from the <see cref="ChartSpec"/>. In Chart.yaml only the keys listed by
/// <see cref="ChartValues.ChartYamlFor"/> are rewritten; other keys (maintainers, keywords, …) are kept.</item>
/// <item>values.yaml is shared: keys listed by <see cref="ChartValues.ValuesFor"/> as generator-owned are set from the
/// spec, seeded keys are added only if absent, and every other key is kept. YAML comments in values.yaml and Chart.yaml
/// are not preserved (the file is re-serialised); a fixed header comment is written instead.</item>
/// <item>Any other file (an extra template, a README) belongs to the team and is never touched.</item>
/// </list>
/// All inputs are validated and existing files parsed before anything is written; each file is written atomically and
/// only when its content changes.
/// </summary>
public sealed class ChartGenerator
{
    /// <summary>The header written at the top of values.yaml, stating the maintenance rule where the team will see it.</summary>
    public const string ValuesHeader =
        "# Values for this chart. Release.Helm regenerates the keys it owns (replicaCount, image.repository, image.digest,\n"
        + "# containerPort, probes.path, service.port, config, podLabels and, when the build sets them, resources) on every\n"
        + "# run. Other keys are yours and are kept, but comments in this file are not. The security settings are hardened\n"
        + "# by default (non-root, read-only root file system, no capabilities, no service account token); values.schema.json\n"
        + "# checks the types. image.repository names no registry when the build pushed to one on its own machine: set it.\n";

    /// <summary>Generates the chart for <paramref name="spec"/> into <paramref name="chartDirectory"/>, creating or updating it.</summary>
    /// <returns>The chart-relative paths of the files whose content was written (unchanged files are not rewritten).</returns>
    /// <exception cref="ArgumentException">The spec is invalid (the message lists each field and its fix).</exception>
    /// <exception cref="Release.Helm.Yaml.YamlSyntaxException">An existing values.yaml or Chart.yaml cannot be parsed (file and line
    /// named).</exception>
    public async Task<IReadOnlyList<string>> GenerateAsync(ChartSpec spec, string chartDirectory, CancellationToken cancellationToken = default)
    {
        spec.Validate();
        var planned = new List<(string ChartPath, string Content)>
        {
            ("Chart.yaml", YamlText.Write(YamlKeyMerger.Merge(
                await LoadExistingAsync(chartDirectory, "Chart.yaml", cancellationToken).ConfigureAwait(false), ChartValues.ChartYamlFor(spec)))),
            ("values.yaml", ValuesHeader + YamlText.Write(YamlKeyMerger.Merge(
                await LoadExistingAsync(chartDirectory, "values.yaml", cancellationToken).ConfigureAwait(false), ChartValues.ValuesFor(spec)))),
        };
        planned.AddRange(ChartTemplates.Files.Select(file => (file.ChartPath, ChartTemplates.Render(file.Resource, spec.ChartName))));

        var written = new List<string>();
        foreach (var (chartPath, content) in planned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(chartDirectory, chartPath);
            if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) == content) continue;
            await AtomicFile.WriteTextAsync(path, content, cancellationToken).ConfigureAwait(false);
            written.Add(chartPath);
        }

        return written;
    }

    private static async Task<YamlMappingNode?> LoadExistingAsync(string chartDirectory, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(chartDirectory, name);
        if (!File.Exists(path)) return null;
        return YamlFile.ParseMapping(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }
}
