using NuGet.Versioning;
using Release.Scanning.Model;

namespace Release.Scanning.Sources.NuGet;

/// <summary>
/// Checks NuGet packages against the vulnerability data a NuGet V3 package source publishes (the same data
/// <c>dotnet restore</c> uses for NuGet audit). Debian components are ignored.
/// </summary>
public sealed class NuGetAuditSource : IAdvisorySource
{
    private readonly NuGetVulnerabilityFeed _feed;
    private readonly Uri _serviceIndex;
    private readonly Action<string> _log;

    /// <summary>Creates a source for one service index.</summary>
    /// <param name="http">Client used for all requests; the caller owns it (and its timeout).</param>
    /// <param name="serviceIndex">The source's service index, e.g. https://api.nuget.org/v3/index.json.</param>
    /// <param name="log">Receives one line per step; may be null.</param>
    public NuGetAuditSource(HttpClient http, Uri serviceIndex, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(serviceIndex);
        _feed = new NuGetVulnerabilityFeed(http);
        _serviceIndex = serviceIndex;
        _log = log ?? (_ => { });
    }

    /// <inheritdoc />
    public string Name => $"NuGet audit source {_serviceIndex}";

    /// <inheritdoc />
    public async Task<AdvisorySourceResult> QueryAsync(IReadOnlyList<SoftwareComponent> components, CancellationToken cancellationToken)
    {
        var (entries, noDataReason) = await _feed.ReadAsync(_serviceIndex, cancellationToken).ConfigureAwait(false);
        if (entries is null)
        {
            _log($"{Name}: NO advisory data ({noDataReason})");
            return AdvisorySourceResult.NoData(Name, noDataReason!);
        }

        var findings = new List<Finding>();
        foreach (var component in components.Where(c => c.Ecosystem == ComponentEcosystem.NuGet))
        {
            if (!entries.TryGetValue(component.Name, out var candidates)
                || !NuGetVersion.TryParse(component.Version, out var version))
            {
                continue;
            }

            foreach (var entry in candidates.Where(e => e.Versions.Satisfies(version)))
            {
                var fixedVersion = entry.Versions is { HasUpperBound: true, IsMaxInclusive: false }
                    ? entry.Versions.MaxVersion!.ToNormalizedString()
                    : null;
                var advisory = new Advisory(entry.AdvisoryId, [], string.Empty, entry.Severity, entry.Url);
                findings.Add(new Finding(advisory, component, Name, entry.Versions.ToNormalizedString(), fixedVersion));
            }
        }

        _log($"{Name}: advisories for {entries.Count} package(s); {findings.Count} finding(s)");
        return AdvisorySourceResult.WithData(Name, findings);
    }
}
