namespace Release.Scanning.Model;

/// <summary>Where a component comes from; decides which advisories and which version ordering apply.</summary>
public enum ComponentEcosystem
{
    /// <summary>A NuGet package, versions ordered by NuGet's SemVer rules.</summary>
    NuGet,

    /// <summary>A Debian package (dpkg), versions ordered by Debian's rules.</summary>
    Debian,

    /// <summary>
    /// Any other package type a scanner reported (Alpine, Go binaries, ...). Kept so that no finding is dropped;
    /// identified by a <c>pkg:generic</c> purl.
    /// </summary>
    Other,
}
