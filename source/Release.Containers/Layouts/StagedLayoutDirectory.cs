namespace Release.Containers.Layouts;

/// <summary>
/// A temporary sibling folder where a layout is written; <see cref="Commit"/> swaps it into the final place and
/// disposing an uncommitted one deletes it, so a failed or cancelled build never leaves a half-written layout.
/// </summary>
public sealed class StagedLayoutDirectory : IDisposable
{
    private readonly string _destination;
    private bool _committed;

    /// <summary>Prepares a staging folder next to <paramref name="destination"/>.</summary>
    public StagedLayoutDirectory(string destination)
    {
        _destination = Path.GetFullPath(destination);
        var parent = Path.GetDirectoryName(_destination)
            ?? throw new ArgumentException(
                $"'{destination}' has no parent folder; give a layout path such as ./artifacts/base-image.",
                nameof(destination));
        Directory.CreateDirectory(parent);
        StagingPath = Path.Combine(parent, $".{Path.GetFileName(_destination)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingPath);
    }

    /// <summary>The staging folder to write into.</summary>
    public string StagingPath { get; }

    /// <summary>Replaces the destination (if any) with the staging folder.</summary>
    public string Commit()
    {
        if (Directory.Exists(_destination))
            Directory.Delete(_destination, recursive: true);
        Directory.Move(StagingPath, _destination);
        _committed = true;
        return _destination;
    }

    /// <summary>Deletes the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
            Directory.Delete(StagingPath, recursive: true);
    }
}
