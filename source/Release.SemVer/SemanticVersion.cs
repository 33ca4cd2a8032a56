namespace Release.SemVer;

/// <summary>
/// A Semantic Versioning 2.0.0 version: <c>MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]</c>.
/// </summary>
/// <remarks>
/// Equality compares every part including build metadata (two builds are different artefacts), while
/// <see cref="CompareTo"/> implements SemVer precedence, which ignores build metadata (spec item 10/11).
/// Use <see cref="PrecedenceEquals"/> when "same place in the ordering" is what matters.
/// </remarks>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    /// <summary>Creates a version from already validated parts; throws <see cref="FormatException"/> on invalid identifiers.</summary>
    /// <param name="major">Major version, not negative.</param>
    /// <param name="minor">Minor version, not negative.</param>
    /// <param name="patch">Patch version, not negative.</param>
    /// <param name="preRelease">Dot-separated pre-release identifiers, or none for a stable version.</param>
    /// <param name="buildMetadata">Dot-separated build metadata identifiers, or none.</param>
    public SemanticVersion(long major, long minor, long patch,
        IEnumerable<string>? preRelease = null, IEnumerable<string>? buildMetadata = null)
    {
        if (major < 0 || minor < 0 || patch < 0)
            throw new FormatException($"Version {major}.{minor}.{patch}: MAJOR, MINOR and PATCH must not be negative (SemVer 2.0.0 item 2).");
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = (preRelease ?? []).ToArray();
        BuildMetadata = (buildMetadata ?? []).ToArray();
        var text = Render();
        foreach (var identifier in PreRelease)
            SemanticVersionGrammar.ValidatePreReleaseIdentifier(identifier, text);
        foreach (var identifier in BuildMetadata)
            SemanticVersionGrammar.ValidateBuildIdentifier(identifier, text);
    }

    /// <summary>The MAJOR number: incompatible API changes.</summary>
    public long Major { get; }

    /// <summary>The MINOR number: backwards compatible features.</summary>
    public long Minor { get; }

    /// <summary>The PATCH number: backwards compatible fixes.</summary>
    public long Patch { get; }

    /// <summary>Pre-release identifiers (empty for a stable version).</summary>
    public IReadOnlyList<string> PreRelease { get; }

    /// <summary>Build metadata identifiers (empty when there is none); never affects precedence.</summary>
    public IReadOnlyList<string> BuildMetadata { get; }

    /// <summary>True when the version has pre-release identifiers.</summary>
    public bool IsPreRelease => PreRelease.Count > 0;

    /// <summary>Parses a strict SemVer 2.0.0 string (no <c>v</c> prefix: see <see cref="FromTag"/>).</summary>
    /// <param name="text">The version text, e.g. <c>1.3.0-alpha.5+g0156133</c>.</param>
    /// <param name="source">Where the text came from (tag, file and field), named in error messages.</param>
    /// <exception cref="FormatException">The text is not a valid SemVer 2.0.0 version; the message says why and where.</exception>
    public static SemanticVersion Parse(string text, string? source = null) =>
        SemanticVersionGrammar.Parse(text, source);

    /// <summary>Parses a git tag name: an optional leading <c>v</c> or <c>V</c> is removed, the rest must be SemVer 2.0.0.</summary>
    /// <param name="tag">The tag name, e.g. <c>v1.4.0</c> or <c>1.4.0</c>.</param>
    /// <exception cref="FormatException">The tag is not a version tag; the message names the tag.</exception>
    public static SemanticVersion FromTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var text = tag.StartsWith('v') || tag.StartsWith('V') ? tag[1..] : tag;
        return SemanticVersionGrammar.Parse(text, $"git tag '{tag}'");
    }

    /// <summary>True for the characters a pre-release or build identifier may hold: <c>[0-9A-Za-z-]</c>.</summary>
    /// <param name="c">The character.</param>
    public static bool IsIdentifierCharacter(char c) => SemanticVersionGrammar.IsIdentifierChar(c);

    /// <summary>True when <paramref name="text"/> is a valid SemVer 2.0.0 version.</summary>
    /// <param name="text">The version text.</param>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <summary>Parses without throwing; <paramref name="error"/> explains a failure.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="version">The parsed version, or null.</param>
    /// <param name="error">Why the text was refused, or null on success.</param>
    /// <returns>True when the text is a valid version.</returns>
    public static bool TryParse(string? text, out SemanticVersion? version, out string? error)
    {
        try
        {
            version = SemanticVersionGrammar.Parse(text ?? "", null);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            version = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>The next major version (x+1.0.0), without pre-release or metadata.</summary>
    public SemanticVersion NextMajor() => new(Major + 1, 0, 0);

    /// <summary>The next minor version (x.y+1.0), without pre-release or metadata.</summary>
    public SemanticVersion NextMinor() => new(Major, Minor + 1, 0);

    /// <summary>The next patch version (x.y.z+1), without pre-release or metadata.</summary>
    public SemanticVersion NextPatch() => new(Major, Minor, Patch + 1);

    /// <summary>This version's core with other pre-release identifiers and no build metadata.</summary>
    /// <param name="identifiers">The new pre-release identifiers.</param>
    public SemanticVersion WithPreRelease(params string[] identifiers) => new(Major, Minor, Patch, identifiers);

    /// <summary>This version with other build metadata.</summary>
    /// <param name="identifiers">The new build metadata identifiers.</param>
    public SemanticVersion WithBuildMetadata(params string[] identifiers) =>
        new(Major, Minor, Patch, PreRelease, identifiers);

    /// <summary>Only MAJOR.MINOR.PATCH, as a stable version.</summary>
    public SemanticVersion Core() => new(Major, Minor, Patch);

    /// <summary>SemVer precedence: negative, zero or positive. Build metadata is ignored.</summary>
    /// <param name="other">The version to compare with; null sorts first.</param>
    public int CompareTo(SemanticVersion? other) => SemanticVersionPrecedence.Compare(this, other);

    /// <summary>True when both versions have the same precedence (build metadata ignored).</summary>
    /// <param name="other">The other version.</param>
    public bool PrecedenceEquals(SemanticVersion other) => CompareTo(other) == 0;

    /// <summary>Exact equality: every part including build metadata.</summary>
    /// <param name="other">The other version.</param>
    public bool Equals(SemanticVersion? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>The canonical text form, e.g. <c>1.3.0-alpha.5+g0156133</c> (never with a leading <c>v</c>).</summary>
    public override string ToString() => Render();

    /// <summary>Precedence operator.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    /// <summary>Precedence operator.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    /// <summary>Precedence operator.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Precedence operator.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    private string Render()
    {
        var text = $"{Major}.{Minor}.{Patch}";
        if (PreRelease.Count > 0) text += "-" + string.Join('.', PreRelease);
        if (BuildMetadata.Count > 0) text += "+" + string.Join('.', BuildMetadata);
        return text;
    }
}
