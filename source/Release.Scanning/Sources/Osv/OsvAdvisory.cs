using Release.Scanning.Model;

namespace Release.Scanning.Sources.Osv;

/// <summary>The parts of one OSV document this library uses.</summary>
/// <param name="File">The file it was read from (for error messages).</param>
/// <param name="Advisory">Id, aliases, summary, severity and link.</param>
/// <param name="Affected">The affected packages and their versions.</param>
public sealed record OsvAdvisory(string File, Advisory Advisory, IReadOnlyList<OsvAffectedPackage> Affected);

/// <summary>One <c>affected[]</c> entry of an OSV document.</summary>
/// <param name="Ecosystem">OSV ecosystem text, e.g. "NuGet" or "Debian:12".</param>
/// <param name="Name">Package name.</param>
/// <param name="Ranges">Version ranges (only ECOSYSTEM and SEMVER are evaluated; GIT ranges cannot apply to packages).</param>
/// <param name="Versions">Explicitly listed affected versions.</param>
/// <param name="Severity">Severity given for this package, overriding the document's; null when none.</param>
public sealed record OsvAffectedPackage(
    string Ecosystem,
    string Name,
    IReadOnlyList<OsvRange> Ranges,
    IReadOnlyList<string> Versions,
    Severity? Severity);

/// <summary>One OSV range: its type and its events in document order.</summary>
/// <param name="Type">ECOSYSTEM, SEMVER or GIT.</param>
/// <param name="Events">Events as (kind, version); kind is introduced, fixed, last_affected or limit.</param>
public sealed record OsvRange(string Type, IReadOnlyList<(string Kind, string Version)> Events);
