using Release.Engine;
using Release.Foundation.IO;

namespace Release.Pipeline.Records;

/// <summary>
/// A stage's output folder written all or nothing: the stage writes into a staging folder next to the final one, and
/// only <see cref="Commit"/> moves it into place. Outputs of an earlier run are removed when the stage starts, so a
/// failed run never leaves files that look like its own (a stale image.json of another commit would mislead later jobs).
/// </summary>
public sealed class StageOutput : IDisposable
{
    private readonly StagedDirectory _staged;

    private StageOutput(AbsolutePath final, StagedDirectory staged)
    {
        Final = final;
        _staged = staged;
        Staging = new AbsolutePath(staged.StagingPath);
    }

    /// <summary>Where the outputs end up, e.g. <c>artifacts/build</c>.</summary>
    public AbsolutePath Final { get; }

    /// <summary>Where the stage writes while it runs.</summary>
    public AbsolutePath Staging { get; }

    /// <summary>
    /// Removes <paramref name="final"/> and creates an empty staging folder with a name of its own
    /// (<see cref="StagedDirectory"/>), so a concurrent run of the same stage never writes into it.
    /// </summary>
    public static StageOutput Begin(AbsolutePath final)
    {
        Delete(final);
        return new StageOutput(final, StagedDirectory.Begin(final));
    }

    /// <summary>
    /// Starts from a copy of the previous output instead of an empty folder, for outputs maintained across runs (a
    /// chart's sources, a chart repository's index). The previous folder stays untouched until <see cref="Commit"/>.
    /// </summary>
    /// <param name="final">Where the outputs end up.</param>
    /// <param name="carryOver">Which previous files (paths relative to <paramref name="final"/>) the new run starts with.</param>
    public static StageOutput BeginFromPrevious(AbsolutePath final, Func<string, bool> carryOver)
    {
        var staged = StagedDirectory.Begin(final);
        try
        {
            if (final.DirectoryExists())
                foreach (var file in Directory.EnumerateFiles(final, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(final, file);
                    if (!carryOver(relative)) continue;
                    var target = Path.Combine(staged.StagingPath, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            return new StageOutput(final, staged);
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>Moves the staging folder into place. Call once, after the last file is written.</summary>
    public void Commit() => _staged.Commit();

    /// <summary>Deletes the staging folder unless the output was committed.</summary>
    public void Dispose() => _staged.Dispose();

    private static void Delete(AbsolutePath path)
    {
        if (path.DirectoryExists()) Directory.Delete(path, recursive: true);
        else if (path.FileExists()) File.Delete(path);
    }
}
