using System.Text.RegularExpressions;

namespace Release.Tooling.Kubernetes;

/// <summary>Checks names against Kubernetes' DNS-1123 label rules, so mistakes are reported before kubectl runs.</summary>
internal static partial class KubernetesName
{
    public static string Require(string? value, string parameter)
    {
        if (value is null || value.Length > 63 || !Label().IsMatch(value))
        {
            throw new ArgumentException(
                $"{parameter} '{value}' is not a valid Kubernetes name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.",
                parameter);
        }
        return value;
    }

    public static string RequireKey(string? key, string parameter)
    {
        if (key is null || !Key().IsMatch(key))
        {
            throw new ArgumentException($"{parameter} key '{key}' is not a valid ConfigMap/Secret key (letters, digits, '-', '_', '.').", parameter);
        }
        return key;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex Key();
}
