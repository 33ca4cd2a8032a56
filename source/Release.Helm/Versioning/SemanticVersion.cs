using System.Text.RegularExpressions;

namespace Release.Helm.Versioning;

/// <summary>
/// A strict SemVer 2.0.0 version (https://semver.org), the only version form a Helm chart's <c>version</c> may take.
/// Parsing is strict on purpose: a value Helm or an OCI registry would reject later must fail here, early, with a fix.
/// </summary>
public sealed partial class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    // The grammar from semver.org, section "Is there a suggested regular expression".
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex Grammar();

    /// <summary>True if <paramref name="text"/> is a valid SemVer 2 version; no advice is computed.</summary>
    public static bool IsValid(string? text) => text is not null && Grammar().IsMatch(text);

    private SemanticVersion(string text, long major, long minor, long patch, string? preRelease, string? buildMetadata)
    {
        Text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        BuildMetadata = buildMetadata;
    }

    /// <summary>The version exactly as written.</summary>
    public string Text { get; }

    /// <summary>The major version number.</summary>
    public long Major { get; }

    /// <summary>The minor version number.</summary>
    public long Minor { get; }

    /// <summary>The patch version number.</summary>
    public long Patch { get; }

    /// <summary>The pre-release part after <c>-</c>, or null.</summary>
    public string? PreRelease { get; }

    /// <summary>The build metadata after <c>+</c>, or null. It takes no part in ordering.</summary>
    public string? BuildMetadata { get; }

    /// <summary>Parses <paramref name="text"/>, or returns null and the reason with a suggested fix.</summary>
    public static SemanticVersion? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "it is empty; write MAJOR.MINOR.PATCH, e.g. '1.0.0'";
            return null;
        }

        var match = Grammar().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, out var major)
            || !long.TryParse(match.Groups[2].Value, out var minor) || !long.TryParse(match.Groups[3].Value, out var patch))
        {
            problem = SemanticVersionAdvice.Explain(text);
            return null;
        }

        return new SemanticVersion(
            text, major, minor, patch,
            match.Groups[4].Success ? match.Groups[4].Value : null,
            match.Groups[5].Success ? match.Groups[5].Value : null);
    }

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="FormatException"/> that says why and how to fix it.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="place">Where the value came from (e.g. <c>Chart.yaml: version</c>), named in the error.</param>
    public static SemanticVersion Parse(string? text, string place)
        => TryParse(text, out var problem)
           ?? throw new FormatException($"{place}: '{text}' is not a SemVer 2 version: {problem}.");

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0) return byNumbers;
        // A version without pre-release ranks above any pre-release of the same numbers.
        if (PreRelease is null || other.PreRelease is null)
            return (PreRelease is null).CompareTo(other.PreRelease is null);
        return ComparePreRelease(PreRelease, other.PreRelease);
    }

    private static int ComparePreRelease(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumeric = long.TryParse(a[i], out var aNumber);
            var bNumeric = long.TryParse(b[i], out var bNumber);
            var result = (aNumeric, bNumeric) switch
            {
                (true, true) => aNumber.CompareTo(bNumber),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (result != 0) return Math.Sign(result);
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Equal by precedence: build metadata is ignored, as SemVer 2 requires.</summary>
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, PreRelease);

    /// <inheritdoc />
    public override string ToString() => Text;
}
