using System.Text;

namespace Release.Containers.RootFs;

/// <summary>
/// An image root file system being put together in memory (file bytes stay on the host until written).
/// Parent directories are created implicitly; entries come out sorted so the layer is reproducible.
/// </summary>
public sealed class RootFileSystem
{
    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101; // 0755
    private readonly SortedDictionary<string, RootFsEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>All entries in ordinal path order.</summary>
    public IEnumerable<RootFsEntry> Entries => _entries.Values;

    /// <summary>The entry at <paramref name="path"/>, or null.</summary>
    public RootFsEntry? Find(string path) => _entries.GetValueOrDefault(Normalize(path));

    /// <summary>True when <paramref name="path"/> exists.</summary>
    public bool Contains(string path) => _entries.ContainsKey(Normalize(path));

    /// <summary>Adds a directory (and its parents); an existing directory keeps its entry unless <paramref name="mode"/> is given.</summary>
    public void AddDirectory(string path, UnixFileMode? mode = null, int uid = 0, int gid = 0)
    {
        var normalized = Normalize(path);
        if (normalized.Length == 0)
            return;
        EnsureParents(normalized);
        if (_entries.TryGetValue(normalized, out var existing))
        {
            if (existing.Kind != RootFsEntryKind.Directory)
                throw new InvalidOperationException($"'/{normalized}' is already a {existing.Kind} in the image; it cannot also be a directory.");
            if (mode is null)
                return;
        }
        _entries[normalized] = new RootFsEntry(normalized, RootFsEntryKind.Directory, mode ?? DirectoryMode) { Uid = uid, Gid = gid };
    }

    /// <summary>Adds a file whose bytes are read from <paramref name="hostSource"/> when the layer is written.</summary>
    public void AddHostFile(string path, string hostSource, UnixFileMode mode) =>
        Put(new RootFsEntry(Normalize(path), RootFsEntryKind.File, mode) { HostSource = hostSource });

    /// <summary>Adds a generated text file (UTF-8).</summary>
    public void AddTextFile(string path, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100) =>
        Put(new RootFsEntry(Normalize(path), RootFsEntryKind.File, mode) { Content = Encoding.UTF8.GetBytes(content) });

    /// <summary>Adds a symbolic link at <paramref name="path"/> pointing to <paramref name="target"/>.</summary>
    public void AddSymlink(string path, string target) =>
        Put(new RootFsEntry(Normalize(path), RootFsEntryKind.Symlink, (UnixFileMode)0b111_111_111) { LinkTarget = target });

    private void Put(RootFsEntry entry)
    {
        if (entry.Path.Length == 0)
            throw new ArgumentException("The image root '/' itself cannot be a file or a link.", nameof(entry));
        EnsureParents(entry.Path);
        if (_entries.TryGetValue(entry.Path, out var existing) && existing.Kind != entry.Kind)
            throw new InvalidOperationException($"'/{entry.Path}' is already a {existing.Kind} in the image; it cannot also be a {entry.Kind}.");
        _entries[entry.Path] = entry;
    }

    private void EnsureParents(string normalized)
    {
        var slash = normalized.LastIndexOf('/');
        if (slash > 0)
            AddDirectory(normalized[..slash]);
    }

    /// <summary>Turns '/usr//lib/' into 'usr/lib'; rejects '..' so nothing escapes the root.</summary>
    public static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        if (parts.Contains(".."))
            throw new ArgumentException($"Image path '{path}' contains '..'; give a normalized absolute path.", nameof(path));
        return string.Join('/', parts);
    }
}
