namespace Release.Tooling.Tools;

/// <summary>What is known about one command-line tool: its executable name and how to get it.</summary>
/// <param name="Executable">The executable name looked up on PATH, e.g. <c>git</c>.</param>
/// <param name="DebianPackage">The Debian package that provides it, or an empty string when Debian has none.</param>
/// <param name="InstallHint">A sentence telling a person how to install it.</param>
public sealed record ToolInfo(string Executable, string DebianPackage, string InstallHint)
{
    /// <summary>True when <see cref="DebianPackage"/> names a package that apt-get can install.</summary>
    public bool HasDebianPackage => DebianPackage.Length > 0;
}
