using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Process.Quality;
using Release.Scanning.Model;
using Release.Scanning.Sources.Osv;

namespace Release.Stages.Scan;

/// <summary>
/// What Scan records in <c>summary.json</c> about the age of the advisory data, so the quality gate judges freshness
/// from the data and not from a file's time: <c>finishedAt</c> (when the live sources, NuGet audit and Trivy, were
/// asked) and <c>sourcesAsOf</c> (per source name, the date the data itself is as of; null when it carries none).
/// An OSV folder is a copy of a database, so its date is <see cref="AdvisoryDataDate.AsOf"/> of its documents.
/// </summary>
public static class AdvisoryDataAsOf
{
    /// <summary>The data dates of the sources that hold a copy of their data (the OSV folder).</summary>
    /// <param name="sources">The scan's sources.</param>
    /// <param name="osvDirectory">The OSV folder (<c>--osv-directory</c>), when configured.</param>
    /// <param name="ct">Stops the reading.</param>
    public static async Task<IReadOnlyDictionary<string, DateTimeOffset?>> ForAsync(
        IEnumerable<IAdvisorySource> sources, string? osvDirectory, CancellationToken ct)
    {
        var asOf = new SortedDictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var source in sources.OfType<OsvAdvisoryFolderSource>())
            if (osvDirectory is not null) asOf[source.Name] = await ReadOsvFolderAsync(osvDirectory, ct).ConfigureAwait(false);
        return asOf;
    }

    /// <summary>
    /// Judges each source that gave data by the quality gate's freshness rule (<see cref="AdvisoryDataFreshness"/>): a
    /// source with a data date (the OSV folder) by that date, a live source as of <paramref name="finishedAt"/>.
    /// </summary>
    /// <param name="sources">What the sources answered.</param>
    /// <param name="sourcesAsOf">From <see cref="ForAsync"/>.</param>
    /// <param name="finishedAt">When the scan finished asking its sources; the ages are judged then.</param>
    /// <param name="allowed">The oldest acceptable age (<c>--max-advisory-age-days</c>).</param>
    public static IReadOnlyList<AdvisoryDataAge> Judge(IEnumerable<AdvisorySourceResult> sources,
        IReadOnlyDictionary<string, DateTimeOffset?> sourcesAsOf, DateTimeOffset finishedAt, TimeSpan allowed) =>
        sources.Where(s => s.GaveData).Select(s =>
        {
            var asOf = sourcesAsOf.TryGetValue(s.SourceName, out var date) ? date : finishedAt;
            return new AdvisoryDataAge(s.SourceName, asOf, finishedAt, allowed, AdvisoryDataFreshness.Stale(asOf, allowed, finishedAt));
        }).ToList();

    /// <summary>The newest <c>modified</c> (else <c>published</c>) date of the OSV documents in a folder, or null.</summary>
    /// <param name="folder">A folder of OSV <c>*.json</c> documents (read recursively, as the scan does).</param>
    /// <param name="ct">Stops the reading.</param>
    public static async Task<DateTimeOffset?> ReadOsvFolderAsync(string folder, CancellationToken ct)
    {
        var dates = new List<AdvisoryDates>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            var stream = File.OpenRead(file);
            await using var streamDisposal = stream.ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                dates.Add(new AdvisoryDates(Date(document.RootElement, "modified"), Date(document.RootElement, "published")));
        }
        return AdvisoryDataDate.AsOf(dates);
    }

    /// <summary>The summary's JSON with <c>finishedAt</c> and <c>sourcesAsOf</c> added.</summary>
    /// <param name="summaryJson">The summary as <c>ScanSummaryWriter</c> wrote it.</param>
    /// <param name="finishedAt">When the scan finished asking its sources.</param>
    /// <param name="sourcesAsOf">From <see cref="ForAsync"/>.</param>
    public static string AddTo(string summaryJson, DateTimeOffset finishedAt, IReadOnlyDictionary<string, DateTimeOffset?> sourcesAsOf)
    {
        var summary = JsonNode.Parse(summaryJson)!.AsObject();
        summary["finishedAt"] = finishedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var dates = new JsonObject();
        foreach (var (name, date) in sourcesAsOf)
            dates[name] = date is { } d ? JsonValue.Create(d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)) : null;
        summary["sourcesAsOf"] = dates;
        return summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static DateTimeOffset? Date(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
