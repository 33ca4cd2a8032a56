using System.Text.RegularExpressions;
using Release.Helm.Charts;

namespace Release.Helm.Flux;

/// <summary>The checks a <see cref="FluxReleaseSpec"/> must pass before any file is written.</summary>
internal static partial class FluxReleaseSpecRules
{
    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex OciTag();

    public static void Validate(FluxReleaseSpec spec)
    {
        var problems = new List<string>();
        var names = new[]
        {
            ("Environment", spec.Environment), ("Module", spec.Module), ("Namespace", spec.Namespace),
            ("TargetNamespace", spec.TargetNamespace ?? spec.Namespace),
        };
        foreach (var (field, value) in names)
            if (!ChartName.IsValid(value))
                problems.Add($"{field} '{value}': use lowercase letters, digits and dashes, e.g. '{ChartName.Suggest(value)}'");
        foreach (var dependency in spec.DependsOn.Where(d => !ChartName.IsValid(d) || d == spec.Module))
            problems.Add(
                $"DependsOn '{dependency}': name another module's HelmRelease (lowercase letters, digits and dashes), not the module itself");
        if (!spec.ChartUrl.StartsWith("oci://", StringComparison.Ordinal) || spec.ChartUrl.Contains('@') || spec.ChartUrl.Split('/').Length < 4)
            problems.Add($"ChartUrl '{spec.ChartUrl}': give the chart's OCI repository without tag, e.g. " +
                $"'oci://registry.local/charts/{spec.Module}'");
        var selectors = new[] { spec.Digest, spec.Tag, spec.SemverRange }.Count(s => s is not null);
        if (selectors != 1)
            problems.Add($"set exactly one of Digest, Tag or SemverRange (found {selectors}); Digest pins the exact promoted artifact");
        if (spec.Digest is not null && !Digest().IsMatch(spec.Digest))
            problems.Add($"Digest '{spec.Digest}': expected 'sha256:' and 64 lowercase hex digits");
        if (spec.Tag is not null && !OciTag().IsMatch(spec.Tag))
            problems.Add($"Tag '{spec.Tag}': not a valid OCI tag (a chart version's '+' must be written '_')");
        if (spec.Interval < TimeSpan.FromSeconds(1))
            problems.Add($"Interval {spec.Interval}: must be at least one second");
        if (spec.Retries < 0)
            problems.Add($"Retries {spec.Retries}: must be 0 or more");
        if (problems.Count > 0)
            throw new ArgumentException($"FluxReleaseSpec for '{spec.Module}' in '{spec.Environment}' is invalid:\n  - " +
                $"{string.Join("\n  - ", problems)}");
    }
}
