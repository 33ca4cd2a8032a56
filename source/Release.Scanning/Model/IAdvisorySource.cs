namespace Release.Scanning.Model;

/// <summary>A place that knows advisories: a NuGet audit source, an OSV folder, a scanner's output.</summary>
public interface IAdvisorySource
{
    /// <summary>Display name used in logs and reports (e.g. the service index URL or folder path).</summary>
    string Name { get; }

    /// <summary>
    /// Checks the components against this source's advisories. A source that cannot get advisory data (no
    /// vulnerability resource, unreachable, empty) returns <see cref="AdvisorySourceResult.NoData"/> rather than an
    /// empty finding list; configuration mistakes throw with a message naming the place and the fix.
    /// </summary>
    /// <param name="components">The components to check.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    Task<AdvisorySourceResult> QueryAsync(IReadOnlyList<SoftwareComponent> components, CancellationToken cancellationToken);
}
