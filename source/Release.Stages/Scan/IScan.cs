using Release.Engine;
using Release.Scanning.Model;
using Release.Stages.BuildImage;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.Scan;

/// <summary>
/// The Scan stage: CycloneDX SBOMs of the application (its NuGet graph) and of the image (its Debian packages plus
/// the application's), advisories from NuGet audit sources, an OSV folder and Trivy (when installed), SARIF and
/// GitLab container-scanning reports and a <c>summary.json</c> under <c>artifacts/scan/</c>. Fails on findings at or
/// above <see cref="FailSeverity"/> that the allowlist does not accept, and on an advisory source that gave no data
/// unless <see cref="AcceptMissingAdvisoryData"/> is set.
/// </summary>
public interface IScan : IBuildImage
{
    /// <summary>Service index URLs of NuGet sources that publish vulnerability data (NuGet audit sources).</summary>
    [Parameter("NuGet audit source service index URLs, e.g. https://nuget.example.internal/v3/index.json")]
    [Pattern(ParameterForms.HttpUrl, "an http(s) URL of a NuGet service index, like https://nuget.example.internal/v3/index.json")]
    string[]? AuditSources => TryGetValue(() => AuditSources);

    /// <summary>A folder of OSV advisory documents (*.json), e.g. a mirror of an OSV export.</summary>
    [Parameter("Folder of OSV advisory JSON documents")]
    AbsolutePath? OsvDirectory => TryGetValue<AbsolutePath?>(() => OsvDirectory);

    /// <summary>Findings of this severity or higher fail the scan: Low, Medium, High (default) or Critical.</summary>
    [Parameter("Lowest severity that fails the scan: Unknown, Low, Medium, High, Critical (default High)")]
    Severity FailSeverity => TryGetValue<Severity?>(() => FailSeverity) ?? Severity.High;

    /// <summary>An allowlist file (JSON or YAML); every entry needs <c>id</c>, <c>reason</c> and <c>expires</c>.</summary>
    [Parameter("Allowlist file (JSON or YAML): entries with id, reason and expires (YYYY-MM-DD)")]
    AbsolutePath? Allowlist => TryGetValue<AbsolutePath?>(() => Allowlist);

    /// <summary>Lets the scan pass although an advisory source gave no data (it still says so, and is never called clean).</summary>
    [Parameter("Pass even when an advisory source gave no data (the result is then not clean, and says so)")]
    bool AcceptMissingAdvisoryData => TryGetValue<bool?>(() => AcceptMissingAdvisoryData) ?? false;

    /// <summary>
    /// The oldest advisory data, in days, that a scan finding nothing may call clean. Older data (or data of unknown
    /// age) makes the verdict "Passed: clean against advisory data N days old" with a warning in every report; it does
    /// not fail the scan (the quality gate's freshness rule decides the channel).
    /// </summary>
    [Parameter("Oldest advisory data in days that a clean scan may rest on; older data is said in the verdict and reports (default 7)")]
    int MaxAdvisoryAgeDays => TryGetValue<int?>(() => MaxAdvisoryAgeDays) ?? 7;

    /// <summary>Builds the SBOMs, checks them against the advisory sources and writes the reports.</summary>
    Target Scan => _ => _
        .Description("SBOMs of app and image, vulnerability scan against the advisory sources, SARIF and GitLab reports")
        .DependsOn<IBuildImage>(x => x.Build)
        .TryConsumes<IBuildImage>(x => x.Build)
        .Produces(Paths.Glob("scan/**"))
        // Advisory data changes while the image does not: it is an input as much as the image is.
        .TracksToolVersion("advisory-data", ct => AdvisoryDataFingerprint.ComputeAsync(this, ct))
        .Executes(ct => new ScanStage(this).RunAsync(ct));
}
