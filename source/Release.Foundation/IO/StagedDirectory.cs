namespace Release.Foundation.IO;

/// <summary>
/// A folder written all or nothing: the writer fills a staging folder beside the destination, and only
/// <see cref="Commit"/> swaps it into place; disposing an uncommitted one deletes it, so a failed or cancelled run never
/// leaves a half-written folder. Every staging has its own name (<c>.NAME.partial-GUID</c>), so two runs staging the
/// same destination at once never write into one folder (the last commit wins with a whole folder), and a run never
/// deletes another run's staging folder.
/// </summary>
public sealed class StagedDirectory : IDisposable
{
    private bool _committed;

    private StagedDirectory(string destination, string stagingPath)
    {
        Destination = destination;
        StagingPath = stagingPath;
    }

    /// <summary>Where the folder ends up.</summary>
    public string Destination { get; }

    /// <summary>The staging folder to write into (empty when begun).</summary>
    public string StagingPath { get; }

    /// <summary>Creates an empty staging folder next to <paramref name="destination"/> (and the parent folder if needed).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is a root, which has no folder beside it.</exception>
    public static StagedDirectory Begin(string destination)
    {
        var full = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(parent))
            throw new ArgumentException($"'{destination}' has no parent folder; give a folder path such as ./artifacts/build.", nameof(destination));
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new StagedDirectory(full, staging);
    }

    /// <summary>Replaces the destination (folder or file, if any) with the staging folder. Call once, after the last write.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        if (Directory.Exists(Destination)) Directory.Delete(Destination, recursive: true);
        else if (File.Exists(Destination)) File.Delete(Destination);
        Directory.Move(StagingPath, Destination);
        _committed = true;
    }

    /// <summary>Deletes the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
            Directory.Delete(StagingPath, recursive: true);
    }

    /// <summary>Whether <paramref name="folderName"/> is a staging folder of this class (left by a crashed run).</summary>
    public static bool IsStaging(string folderName) =>
        Path.GetFileName(folderName) is var name && name.StartsWith('.') && name.Contains(".partial-", StringComparison.Ordinal);
}
