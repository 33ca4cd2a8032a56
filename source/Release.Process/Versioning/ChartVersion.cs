using Release.SemVer;

namespace Release.Process.Versioning;

/// <summary>
/// The Helm chart version of a build: the app version with the commit carried so that it is valid SemVer 2, sorts
/// correctly and keeps the commit visible in the OCI tag. The scheme (see docs/release-process.md):
/// <list type="bullet">
/// <item>stable: <c>1.4.0+g0156133</c> (build metadata: a stable version must stay stable; each stable version is
/// published once, enforced by the "overwritten version" rule, so metadata not ordering is harmless);</item>
/// <item>pre-release: <c>1.4.0-beta.3.g0156133</c> (a pre-release identifier after the height: two branches at the
/// same height stay distinct versions, and ordering by height is unchanged).</item>
/// </list>
/// The commit id always gets a <c>g</c> prefix (as <c>git describe</c> does), so an all-digit id with a leading zero
/// such as <c>0156133</c> never becomes an invalid numeric identifier.
/// </summary>
public sealed class ChartVersion
{
    private ChartVersion(SemanticVersion version, SemanticVersion appVersion, string sha)
    {
        Version = version;
        AppVersion = appVersion;
        Sha = sha;
    }

    /// <summary>The chart version (valid SemVer 2).</summary>
    public SemanticVersion Version { get; }

    /// <summary>The application version the chart was made from (no commit id).</summary>
    public SemanticVersion AppVersion { get; }

    /// <summary>The abbreviated commit id, lower case, without the <c>g</c> prefix.</summary>
    public string Sha { get; }

    /// <summary>Builds the chart version for an app version and commit.</summary>
    /// <param name="appVersion">The computed version; must have no build metadata.</param>
    /// <param name="shortSha">The abbreviated commit id.</param>
    /// <exception cref="ArgumentException">The version already has build metadata, or the sha is invalid.</exception>
    public static ChartVersion From(SemanticVersion appVersion, string shortSha)
    {
        ArgumentNullException.ThrowIfNull(appVersion);
        var sha = CommitId.Validate(shortSha, "chart commit sha");
        if (appVersion.BuildMetadata.Count > 0)
            throw new ArgumentException(
                $"App version '{appVersion}' already has build metadata: pass the version without '+...' and the commit id separately.",
                nameof(appVersion));
        var commit = "g" + sha;
        var version = appVersion.IsPreRelease
            ? appVersion.WithPreRelease([.. appVersion.PreRelease, commit])
            : appVersion.WithBuildMetadata(commit);
        return new ChartVersion(version, appVersion, sha);
    }

    /// <summary>Reads a chart version written by this scheme (e.g. from Chart.yaml or an OCI tag with <c>_</c>).</summary>
    /// <param name="text">The chart version or OCI tag.</param>
    /// <exception cref="FormatException">Not valid SemVer, or no <c>g&lt;sha&gt;</c> where the scheme puts it.</exception>
    public static ChartVersion Parse(string text)
    {
        var version = SemanticVersion.Parse(FromOciTag(text), "chart version");
        var carrier = version.IsPreRelease ? version.PreRelease : version.BuildMetadata;
        var last = carrier.Count > 0 ? carrier[^1] : "";
        var wellFormed = last.Length >= 8 && last[0] == 'g' && last[1..].All(char.IsAsciiHexDigit)
            && (version.IsPreRelease ? version.PreRelease.Count >= 2 && version.BuildMetadata.Count == 0 : carrier.Count == 1);
        if (!wellFormed)
            throw new FormatException(
                $"Chart version '{text}' does not follow the scheme: expected 'X.Y.Z+g<sha>' for stable or 'X.Y.Z-<pre>.g<sha>' for pre-release.");
        var app = version.IsPreRelease ? version.Core().WithPreRelease([.. version.PreRelease.SkipLast(1)]) : version.Core();
        return new ChartVersion(version, app, last[1..]);
    }

    /// <summary>The OCI tag Helm pushes this version under: <c>+</c> becomes <c>_</c> (tags cannot contain <c>+</c>).</summary>
    public string ToOciTag() => Version.ToString().Replace('+', '_');

    /// <summary>Turns an OCI tag back into the chart version text (<c>_</c> → <c>+</c>).</summary>
    /// <param name="tag">The OCI tag.</param>
    public static string FromOciTag(string tag) => (tag ?? "").Replace('_', '+');

    /// <summary>The packaged chart's file name as Helm writes it: <c>NAME-VERSION.tgz</c>.</summary>
    /// <param name="chartName">The chart name from Chart.yaml.</param>
    public string PackageFileName(string chartName) => $"{ModuleName(chartName)}-{Version}.tgz";

    /// <summary>
    /// The seed process's name <c>&lt;module&gt;-&lt;major&gt;-&lt;minor&gt;-&lt;release&gt;-&lt;commit_sha&gt;</c>, for display and
    /// audit only: Helm rejects it as a version. Pre-release identifiers have no place in that format and are omitted.
    /// </summary>
    /// <param name="module">The module name, e.g. <c>director</c>.</param>
    public string SeedName(string module) =>
        $"{ModuleName(module)}-{AppVersion.Major}-{AppVersion.Minor}-{AppVersion.Patch}-{Sha}";

    /// <inheritdoc />
    public override string ToString() => Version.ToString();

    private static string ModuleName(string module)
    {
        if (string.IsNullOrWhiteSpace(module) || !module.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException(
                $"Module/chart name '{module}' must be lower-case letters, digits and '-' (Helm chart naming).",
                nameof(module));
        return module;
    }
}
