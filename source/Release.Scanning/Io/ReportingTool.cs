using System.Reflection;

namespace Release.Scanning.Io;

/// <summary>
/// This library as the tool that produced an SBOM or report names itself there: name, vendor, version, information URI.
/// (Not a command-line tool: those are Release.Tooling's <c>ToolInfo</c>.)
/// </summary>
public static class ReportingTool
{
    /// <summary>The tool name written into generated documents.</summary>
    public const string Name = "Release.Scanning";

    /// <summary>Vendor name written where a format requires one.</summary>
    public const string Vendor = "Release";

    /// <summary>Where to learn about the tool (the build's <c>ReleaseToolInformationUri</c>); written as SARIF's informationUri.</summary>
    public static string InformationUri { get; } =
        typeof(ReportingTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "InformationUri")?.Value
        ?? "https://www.nuget.org/packages/ReleaseKit.Release.Scanning";

    /// <summary>The assembly's informational version without source-link suffix (e.g. "1.0.0").</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var version = typeof(ReportingTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
