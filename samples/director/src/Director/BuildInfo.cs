using System.Reflection;

namespace Director;

/// <summary>The version of this service and the commit it was built from.</summary>
/// <param name="Version">Semantic version, e.g. <c>1.4.0</c>.</param>
/// <param name="Commit">Source revision (git SHA) or <c>unknown</c>.</param>
public sealed record BuildInfo(string Version, string Commit)
{
    /// <summary>Environment variable that overrides the version baked into the assembly.</summary>
    public const string VersionVariable = "DIRECTOR_VERSION";

    /// <summary>Environment variable that overrides the commit baked into the assembly.</summary>
    public const string CommitVariable = "DIRECTOR_COMMIT";

    /// <summary>
    /// Reads the informational version the SDK writes from the MSBuild properties <c>Version</c> and
    /// <c>SourceRevisionId</c> (<c>1.4.0+3f2a…</c>); environment variables win so a deployment can
    /// correct a build that had no git metadata.
    /// </summary>
    public static BuildInfo FromAssemblyAndEnvironment(Assembly assembly, Func<string, string?> environment)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var parsed = Parse(informational);
        var version = NonEmpty(environment(VersionVariable)) ?? parsed.Version;
        var commit = NonEmpty(environment(CommitVariable)) ?? parsed.Commit;
        return new BuildInfo(version, commit);
    }

    /// <summary>Splits <c>VERSION+COMMIT</c>; the part after '+' is build metadata holding the revision.</summary>
    public static BuildInfo Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
            return new BuildInfo("0.0.0", "unknown");
        var plus = informationalVersion.IndexOf('+');
        if (plus < 0)
            return new BuildInfo(informationalVersion, "unknown");
        var commit = informationalVersion[(plus + 1)..];
        return new BuildInfo(informationalVersion[..plus], commit.Length == 0 ? "unknown" : commit);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
