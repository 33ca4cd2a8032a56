using Release.Engine;

namespace Release.Delivery.Chart;

/// <summary>
/// The chart folder written all or nothing, but (unlike a fresh stage output) seeded with the previous run's content:
/// the chart sources are maintained across runs (the team's keys and files are kept) and the classic repository's
/// index.yaml accumulates versions. Work happens in a staging copy; <see cref="Commit"/> swaps it into place.
/// </summary>
internal sealed class ChartWorkspace : IDisposable
{
    private bool _committed;

    private ChartWorkspace(AbsolutePath final, AbsolutePath staging)
    {
        Final = final;
        Staging = staging;
    }

    /// <summary>Where the chart folder ends up (<c>artifacts/chart</c>).</summary>
    public AbsolutePath Final { get; }

    /// <summary>The working copy.</summary>
    public AbsolutePath Staging { get; }

    /// <summary>Copies the previous content (minus the record and packages, which belong to one run) into a fresh staging folder.</summary>
    public static ChartWorkspace Begin(AbsolutePath final, string recordName)
    {
        var staging = final.Parent / ("." + final.Name + ".partial");
        if (staging.DirectoryExists()) Directory.Delete(staging, recursive: true);
        staging.CreateDirectory();
        if (final.DirectoryExists())
        {
            foreach (var file in Directory.EnumerateFiles(final, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(final, file);
                var topLevel = !relative.Contains(Path.DirectorySeparatorChar);
                if (topLevel && (relative == recordName || relative.EndsWith(".tgz", StringComparison.Ordinal))) continue;
                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return new ChartWorkspace(final, staging);
    }

    /// <summary>Replaces the previous folder with the staging copy.</summary>
    public void Commit()
    {
        if (Final.DirectoryExists()) Directory.Delete(Final, recursive: true);
        Directory.Move(Staging, Final);
        _committed = true;
    }

    /// <summary>Removes the staging copy unless committed; the previous folder is then untouched.</summary>
    public void Dispose()
    {
        if (!_committed && Staging.DirectoryExists()) Directory.Delete(Staging, recursive: true);
    }
}
