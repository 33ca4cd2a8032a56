using Release.Engine;

namespace Release.Pipeline.Records;

/// <summary>
/// A stage's output folder written all or nothing: the stage writes into a staging folder next to the final one, and
/// only <see cref="Commit"/> moves it into place. Outputs of an earlier run are removed when the stage starts, so a
/// failed run never leaves files that look like its own (a stale image.json of another commit would mislead later jobs).
/// </summary>
public sealed class StageOutput : IDisposable
{
    private bool _committed;

    private StageOutput(AbsolutePath final, AbsolutePath staging)
    {
        Final = final;
        Staging = staging;
    }

    /// <summary>Where the outputs end up, e.g. <c>artifacts/build</c>.</summary>
    public AbsolutePath Final { get; }

    /// <summary>Where the stage writes while it runs.</summary>
    public AbsolutePath Staging { get; }

    /// <summary>Removes <paramref name="final"/> and any leftover staging folder, and creates an empty staging folder.</summary>
    public static StageOutput Begin(AbsolutePath final)
    {
        var staging = final.Parent / ("." + final.Name + ".partial");
        Delete(final);
        Delete(staging);
        staging.CreateDirectory();
        return new StageOutput(final, staging);
    }

    /// <summary>
    /// Starts from a copy of the previous output instead of an empty folder, for outputs maintained across runs (a
    /// chart's sources, a chart repository's index). The previous folder stays untouched until <see cref="Commit"/>.
    /// </summary>
    /// <param name="final">Where the outputs end up.</param>
    /// <param name="carryOver">Which previous files (paths relative to <paramref name="final"/>) the new run starts with.</param>
    public static StageOutput BeginFromPrevious(AbsolutePath final, Func<string, bool> carryOver)
    {
        var staging = final.Parent / ("." + final.Name + ".partial");
        Delete(staging);
        staging.CreateDirectory();
        if (final.DirectoryExists())
            foreach (var file in Directory.EnumerateFiles(final, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(final, file);
                if (!carryOver(relative)) continue;
                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        return new StageOutput(final, staging);
    }

    /// <summary>Moves the staging folder into place. Call once, after the last file is written.</summary>
    public void Commit()
    {
        Delete(Final);
        Directory.Move(Staging, Final);
        _committed = true;
    }

    /// <summary>Deletes the staging folder unless the output was committed.</summary>
    public void Dispose()
    {
        if (!_committed) Delete(Staging);
    }

    private static void Delete(AbsolutePath path)
    {
        if (path.DirectoryExists()) Directory.Delete(path, recursive: true);
        else if (path.FileExists()) File.Delete(path);
    }
}
