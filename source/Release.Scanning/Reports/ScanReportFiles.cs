using Release.Scanning.Policy;

namespace Release.Scanning.Reports;

/// <summary>Writes the standard set of scan reports into one folder, each file atomically.</summary>
public static class ScanReportFiles
{
    /// <summary>SARIF file name.</summary>
    public const string Sarif = "scan.sarif";

    /// <summary>GitLab container-scanning report file name (the name GitLab's own templates use).</summary>
    public const string GitLab = "gl-container-scanning-report.json";

    /// <summary>Summary file name.</summary>
    public const string Summary = "scan-summary.json";

    /// <summary>Writes <see cref="Sarif"/>, <see cref="GitLab"/> and <see cref="Summary"/> into <paramref name="folder"/>.</summary>
    /// <param name="outcome">The evaluated scan.</param>
    /// <param name="context">What was scanned.</param>
    /// <param name="folder">Destination folder; created when missing.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The summary that was written, for the quality gate.</returns>
    public static async Task<ScanSummary> WriteAllAsync(
        ScanOutcome outcome,
        ScanReportContext context,
        string folder,
        CancellationToken cancellationToken)
    {
        await SarifReportWriter.WriteFileAsync(outcome, context, Path.Combine(folder, Sarif), cancellationToken).ConfigureAwait(false);
        await GitLabContainerScanningReportWriter.WriteFileAsync(outcome, context, Path.Combine(folder, GitLab), cancellationToken)
            .ConfigureAwait(false);
        var summary = ScanSummary.From(outcome);
        await ScanSummaryWriter.WriteFileAsync(summary, Path.Combine(folder, Summary), cancellationToken).ConfigureAwait(false);
        return summary;
    }
}
