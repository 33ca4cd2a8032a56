using System.Text.RegularExpressions;

namespace Release.Helm.Charts;

/// <summary>
/// The chart name rule: lowercase letters, digits and single dashes, starting and ending with a letter or digit, at most
/// 53 characters (Helm release and resource names built from it must stay within Kubernetes' 63-character limit).
/// </summary>
public static partial class ChartName
{
    /// <summary>The longest accepted chart name.</summary>
    public const int MaximumLength = 53;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Rule();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Disallowed();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    /// <summary>True if <paramref name="name"/> is a valid chart name.</summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaximumLength } && Rule().IsMatch(name);

    /// <summary>A valid chart name close to <paramref name="name"/> (e.g. <c>OrderRouter</c> becomes <c>order-router</c>), for error
    /// messages.</summary>
    public static string Suggest(string? name)
    {
        var dashed = WordBoundary().Replace(name ?? "", "-").ToLowerInvariant();
        var suggestion = Disallowed().Replace(dashed, "-").Trim('-');
        if (suggestion.Length > MaximumLength) suggestion = suggestion[..MaximumLength].TrimEnd('-');
        return suggestion.Length == 0 ? "my-module" : suggestion;
    }
}
