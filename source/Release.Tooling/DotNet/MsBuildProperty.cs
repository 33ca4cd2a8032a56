using System.Text.RegularExpressions;

namespace Release.Tooling.DotNet;

/// <summary>Renders MSBuild global properties as <c>-p:Name=Value</c> arguments.</summary>
public static partial class MsBuildProperty
{
    /// <summary>
    /// Formats one property. A value holding ';' or ',' is wrapped in double quotes, so MSBuild keeps it as one
    /// property (e.g. <c>ContainerImageTags="1.0;latest"</c>, still a two-item list) instead of rejecting it;
    /// a double quote inside a value is escaped as <c>%22</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a valid MSBuild property name.</exception>
    public static string Format(string name, string value)
    {
        if (!ValidName().IsMatch(name ?? ""))
        {
            throw new ArgumentException($"'{name}' is not a valid MSBuild property name (letters, digits, '_', '-', '.', starting with a letter or " +
                "'_'). Fix the key in Properties.", nameof(name));
        }
        ArgumentNullException.ThrowIfNull(value, $"Properties[{name}]");
        var escaped = value.Replace("\"", "%22", StringComparison.Ordinal);
        return escaped.IndexOfAny([';', ',']) >= 0 ? $"-p:{name}=\"{escaped}\"" : $"-p:{name}={escaped}";
    }

    /// <summary>Formats every property, ordered by name so argument lists are stable.</summary>
    public static IEnumerable<string> FormatAll(IReadOnlyDictionary<string, string> properties) =>
        properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Format(p.Key, p.Value));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex ValidName();
}
