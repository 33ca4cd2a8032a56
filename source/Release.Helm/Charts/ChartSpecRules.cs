using System.Text.RegularExpressions;
using Release.Helm.Versioning;

namespace Release.Helm.Charts;

/// <summary>The field rules for <see cref="ChartSpec"/>, each failure phrased as field, value and fix.</summary>
internal static partial class ChartSpecRules
{
    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^\d+(?:\.\d+)?m?$|^\d+(?:\.\d+)?(?:[KMGTPE]i?|[kmunEPTGM])?$")]
    private static partial Regex Quantity();

    public static List<string> Check(ChartSpec spec)
    {
        var problems = new List<string>();
        if (!ChartName.IsValid(spec.ModuleName))
            problems.Add($"ModuleName '{spec.ModuleName}': a chart name is lowercase letters, digits and single dashes; use " +
                $"'{ChartName.Suggest(spec.ModuleName)}'");
        if (HelmVersion.TryParse(spec.ChartVersion, out var versionProblem) is null)
            problems.Add($"ChartVersion '{spec.ChartVersion}' is not SemVer 2: {versionProblem}");
        if (string.IsNullOrWhiteSpace(spec.AppVersion))
            problems.Add("AppVersion is empty; pass the application's version (e.g. the release tag)");
        if (string.IsNullOrWhiteSpace(spec.ImageRepository) || spec.ImageRepository.Contains('@') || spec.ImageRepository.Any(char.IsWhiteSpace))
            problems.Add($"ImageRepository '{spec.ImageRepository}': give the repository only (e.g. 'registry.local/apps/x'); the digest goes in " +
                "ImageDigest");
        if (!Digest().IsMatch(spec.ImageDigest ?? ""))
            problems.Add($"ImageDigest '{spec.ImageDigest}': expected 'sha256:' and 64 lowercase hex digits, as pushed to the registry");
        CheckPort(problems, nameof(spec.ContainerPort), spec.ContainerPort);
        CheckPort(problems, nameof(spec.ServicePort), spec.ServicePort);
        if (string.IsNullOrEmpty(spec.HealthPath) || !spec.HealthPath.StartsWith('/') || spec.HealthPath.Any(char.IsWhiteSpace))
            problems.Add($"HealthPath '{spec.HealthPath}': an HTTP path starting with '/', e.g. '/health'");
        if (spec.Replicas < 0)
            problems.Add($"Replicas {spec.Replicas}: must be 0 or more");
        foreach (var key in spec.Config.Keys.Where(k => !EnvironmentVariableName().IsMatch(k)))
            problems.Add($"Config key '{key}': becomes an environment variable, so use letters, digits and '_' not starting with a digit");
        foreach (var (key, value) in spec.Labels)
        {
            if (!LabelKey().IsMatch(key)) problems.Add($"Labels key '{key}': not a Kubernetes label key ([prefix/]name, name up to 63 of " +
                "[-A-Za-z0-9_.])");
            if (!LabelValue().IsMatch(value)) problems.Add($"Labels['{key}'] value '{value}': up to 63 of [-A-Za-z0-9_.], starting and ending " +
                "alphanumeric");
        }

        if (spec.Resources is { } resources)
        {
            CheckQuantity(problems, "Resources.CpuRequest", resources.CpuRequest);
            CheckQuantity(problems, "Resources.MemoryRequest", resources.MemoryRequest);
            CheckQuantity(problems, "Resources.CpuLimit", resources.CpuLimit);
            CheckQuantity(problems, "Resources.MemoryLimit", resources.MemoryLimit);
        }

        return problems;
    }

    private static void CheckPort(List<string> problems, string field, int port)
    {
        if (port is < 1 or > 65535) problems.Add($"{field} {port}: a port is 1 to 65535");
    }

    private static void CheckQuantity(List<string> problems, string field, string? quantity)
    {
        if (quantity is not null && !Quantity().IsMatch(quantity))
            problems.Add($"{field} '{quantity}': not a Kubernetes quantity (e.g. '250m', '1', '512Mi', '1Gi')");
    }
}
