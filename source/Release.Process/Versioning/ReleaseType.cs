namespace Release.Process.Versioning;

/// <summary>
/// The kind of release a release engineer asks for explicitly. The seed process uses its own words, which do NOT
/// mean SemVer's words; the mapping is:
/// <list type="table">
/// <listheader><term>Seed word</term><description>Release type, SemVer bump</description></listheader>
/// <item><term>"major" release</term><description><see cref="Feature"/>: SemVer MINOR bump (1.3.2 → 1.4.0).</description></item>
/// <item><term>"minor" release</term><description><see cref="EmergencyFix"/>: SemVer PATCH bump (1.3.2 → 1.3.3).</description></item>
/// <item><term>(none)</term><description><see cref="Patch"/>: a planned fix-only release, SemVer PATCH bump.</description></item>
/// <item><term>(none)</term><description><see cref="Breaking"/>: an incompatible change, SemVer MAJOR bump (1.3.2 → 2.0.0).</description></item>
/// </list>
/// See docs/release-process.md.
/// </summary>
public enum ReleaseType
{
    /// <summary>A fix-only planned release: SemVer PATCH bump.</summary>
    Patch = 1,

    /// <summary>The seed's "minor" release: an out-of-cycle emergency fix, SemVer PATCH bump.</summary>
    EmergencyFix = 2,

    /// <summary>The seed's "major" release: new backwards compatible features, SemVer MINOR bump.</summary>
    Feature = 3,

    /// <summary>A release with incompatible changes: SemVer MAJOR bump.</summary>
    Breaking = 4,
}

/// <summary>Translations between <see cref="ReleaseType"/>, SemVer bumps and the seed process's words.</summary>
public static class ReleaseTypes
{
    /// <summary>The SemVer number a release type increments (see <see cref="ReleaseType"/> for the table).</summary>
    /// <param name="type">The release type.</param>
    public static VersionBump ToBump(this ReleaseType type) => type switch
    {
        ReleaseType.Patch or ReleaseType.EmergencyFix => VersionBump.Patch,
        ReleaseType.Feature => VersionBump.Minor,
        ReleaseType.Breaking => VersionBump.Major,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown release type."),
    };

    /// <summary>
    /// Reads the seed process's word for a release: "major" is a <see cref="ReleaseType.Feature"/> release and
    /// "minor" an <see cref="ReleaseType.EmergencyFix"/>; the enum names themselves are accepted too.
    /// </summary>
    /// <param name="word">The word, case-insensitive.</param>
    /// <exception cref="ArgumentException">The word is not known; the message lists the accepted words.</exception>
    public static ReleaseType FromSeedWord(string word)
    {
        var normalised = (word ?? "").Trim().ToLowerInvariant();
        return normalised switch
        {
            "major" => ReleaseType.Feature,
            "minor" => ReleaseType.EmergencyFix,
            _ when Enum.TryParse<ReleaseType>(normalised, ignoreCase: true, out var type)
                   && Enum.IsDefined(type) && !normalised.All(char.IsAsciiDigit) => type,
            _ => throw new ArgumentException(
                $"Release type '{word}' is not known. Use the seed words 'major' (feature release, SemVer minor bump) " +
                "or 'minor' (emergency fix, SemVer patch bump), or one of: Feature, EmergencyFix, Patch, Breaking.",
                nameof(word)),
        };
    }
}
