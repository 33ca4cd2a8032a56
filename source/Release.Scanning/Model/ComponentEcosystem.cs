namespace Release.Scanning.Model;

/// <summary>Where a component comes from; decides which advisories and which version ordering apply.</summary>
public enum ComponentEcosystem
{
    /// <summary>A NuGet package, versions ordered by NuGet's SemVer rules.</summary>
    NuGet,

    /// <summary>A Debian package (dpkg), versions ordered by Debian's rules.</summary>
    Debian,
}
