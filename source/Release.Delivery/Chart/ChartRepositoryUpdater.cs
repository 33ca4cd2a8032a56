using Release.Engine;
using Release.Helm.Charts;
using Release.Helm.Packaging;
using Release.Helm.Repository;

namespace Release.Delivery.Chart;

/// <summary>Keeps the classic chart repository (a folder of packages and an index.yaml) that teams serve over HTTP.</summary>
internal static class ChartRepositoryUpdater
{
    public static async Task<IndexMergeOutcome> AddAsync(AbsolutePath repository, ChartPackage package, ChartMetadata metadata,
        string? baseUrl, DateTimeOffset created, CancellationToken ct)
    {
        repository.CreateDirectory();
        var fileName = Path.GetFileName(package.Path);
        var indexPath = repository / "index.yaml";
        var index = indexPath.FileExists() ? await ChartRepositoryIndex.LoadAsync(indexPath, ct).ConfigureAwait(false) : ChartRepositoryIndex.Empty();
        var entry = ChartIndexEntry.FromPackage(package, metadata, string.IsNullOrWhiteSpace(baseUrl) ? "." : baseUrl, created);
        // Without a base URL the package is referenced relative to index.yaml, which Helm resolves against the repo URL.
        if (string.IsNullOrWhiteSpace(baseUrl)) entry = entry with { Urls = [fileName] };

        IndexMergeOutcome outcome;
        try
        {
            outcome = index.Add(entry);
        }
        catch (ChartVersionConflictException e)
        {
            throw new InvalidOperationException(
                $"Chart: {indexPath} already lists {package.Name} {package.Version} with another digest ({e.Message}). " +
                "A published chart version never changes: build a new version.", e);
        }

        File.Copy(package.Path, repository / fileName, overwrite: true);
        // 'generated' is the newest entry's time, not the clock: the same inputs give the same index.yaml.
        await index.SaveAsync(indexPath, created, ct).ConfigureAwait(false);
        return outcome;
    }
}
