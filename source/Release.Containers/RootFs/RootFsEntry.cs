namespace Release.Containers.RootFs;

/// <summary>What kind of thing a <see cref="RootFsEntry"/> is.</summary>
public enum RootFsEntryKind
{
    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A regular file whose bytes come from the host or from memory.</summary>
    File,

    /// <summary>A symbolic link.</summary>
    Symlink,
}

/// <summary>One path in an image root file system. Paths are relative to '/', without a leading slash.</summary>
/// <param name="Path">Relative path, '/'-separated, e.g. <c>usr/share/dotnet/dotnet</c>.</param>
/// <param name="Kind">Directory, file or symlink.</param>
/// <param name="Mode">Unix permission bits (e.g. 0755, 01777).</param>
public sealed record RootFsEntry(string Path, RootFsEntryKind Kind, UnixFileMode Mode)
{
    /// <summary>Owner user id.</summary>
    public int Uid { get; init; }

    /// <summary>Owner group id.</summary>
    public int Gid { get; init; }

    /// <summary>For files copied from the host: the host path to read.</summary>
    public string? HostSource { get; init; }

    /// <summary>For generated files: their content.</summary>
    public byte[]? Content { get; init; }

    /// <summary>For symlinks: the link target exactly as stored.</summary>
    public string? LinkTarget { get; init; }
}
