using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Linting;

/// <summary>
/// Warns about <c>.Values.a.b</c> (and <c>$.Values.a.b</c>) references in a template that values.yaml does not define.
/// A warning, not an error: values can legitimately come from <c>--set</c> or an environment's values file, but a
/// typo here renders as an empty string and only shows up in the cluster.
/// </summary>
public static partial class ValuesReferenceChecker
{
    [GeneratedRegex(@"(?<![\w)\]])\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex Reference();

    /// <summary>Returns one warning per undefined path per file, at its first use.</summary>
    public static IReadOnlyList<LintFinding> Check(string templateText, string file, YamlMappingNode values)
    {
        var lines = new LineIndex(templateText);
        var findings = new List<LintFinding>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Reference().Matches(templateText))
        {
            var path = match.Groups[1].Value[1..];
            if (!reported.Add(path)) continue;
            var missing = FirstMissingKey(values, path.Split('.'));
            if (missing is null) continue;
            findings.Add(new(LintSeverity.Warning, file, lines.LineOf(match.Index),
                $".Values.{path} is not defined in values.yaml (no '{missing}'); add it to values.yaml or fix the reference"));
        }

        return findings;
    }

    private static string? FirstMissingKey(YamlMappingNode values, string[] keys)
    {
        YamlNode node = values;
        for (var i = 0; i < keys.Length; i++)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(keys[i]), out var child))
                return string.Join('.', keys[..(i + 1)]);
            node = child;
        }

        return null;
    }
}
