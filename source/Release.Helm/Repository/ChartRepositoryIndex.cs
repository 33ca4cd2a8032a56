using Release.Foundation.IO;
using Release.Helm.Versioning;
using Release.Helm.Yaml;
using Release.SemVer;
using YamlDotNet.RepresentationModel;
using static Release.Helm.Yaml.YamlText;

namespace Release.Helm.Repository;

/// <summary>
/// A classic Helm chart repository index (<c>index.yaml</c>, apiVersion v1). Existing entries are kept as loaded, with
/// any fields this class does not know, so merging never loses what helm or another tool wrote. Chart names are written
/// in ordinal order and each chart's versions newest first (SemVer 2 precedence), so the output is deterministic.
/// Not safe for two writers at once: serialise publishing per repository.
/// </summary>
public sealed class ChartRepositoryIndex
{
    private readonly string _fileName;
    private readonly SortedDictionary<string, List<YamlMappingNode>> _entries = new(StringComparer.Ordinal);

    private ChartRepositoryIndex(string fileName) => _fileName = fileName;

    /// <summary>An index with no charts.</summary>
    public static ChartRepositoryIndex Empty(string fileName = "index.yaml") => new(fileName);

    /// <summary>Loads <paramref name="path"/>, or returns an empty index if the file does not exist yet.</summary>
    public static async Task<ChartRepositoryIndex> LoadAsync(string path, CancellationToken cancellationToken = default)
        => File.Exists(path) ? Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path) : Empty(path);

    /// <summary>Parses index text; <paramref name="fileName"/> is named in errors.</summary>
    /// <exception cref="FormatException">The text is not an apiVersion v1 index (file and line named).</exception>
    public static ChartRepositoryIndex Parse(string text, string fileName)
    {
        var document = YamlFile.ParseMapping(text, fileName);
        var apiVersion = document.Scalar("apiVersion");
        if (apiVersion?.Value != "v1")
            throw new FormatException($"{fileName}:{apiVersion?.Start.Line ?? 1}: apiVersion must be 'v1' for a chart repository index.");
        var index = new ChartRepositoryIndex(fileName);
        if (document.Child("entries") is not YamlMappingNode entries) return index;
        foreach (var (key, versions) in entries.Children)
        {
            if (versions is not YamlSequenceNode list || list.Children.Any(v => v is not YamlMappingNode))
                throw new FormatException($"{fileName}:{versions.Start.Line}: entries.{key} must be a list of chart versions.");
            index._entries[((YamlScalarNode)key).Value!] = list.Children.Cast<YamlMappingNode>().ToList();
        }

        return index;
    }

    /// <summary>The chart names in the index.</summary>
    public IReadOnlyCollection<string> ChartNames => _entries.Keys;

    /// <summary>The versions of <paramref name="name"/>, newest first, each with its digest.</summary>
    public IReadOnlyList<(string Version, string? Digest)> VersionsOf(string name)
        => _entries.TryGetValue(name, out var list) ? list.Select(v => (v.Scalar("version")?.Value ?? "", v.Scalar("digest")?.Value)).ToList() : [];

    /// <summary>Adds <paramref name="entry"/>; a re-run with the same digest is a no-op.</summary>
    /// <exception cref="ChartVersionConflictException">The version exists with another digest.</exception>
    public IndexMergeOutcome Add(ChartIndexEntry entry)
    {
        HelmVersion.Parse(entry.Version, $"{_fileName}: {entry.Name} version");
        var versions = _entries.TryGetValue(entry.Name, out var list) ? list : _entries[entry.Name] = [];
        var existing = versions.FirstOrDefault(v => v.Scalar("version")?.Value == entry.Version);
        if (existing is not null)
        {
            var digest = existing.Scalar("digest")?.Value ?? "(none)";
            return digest == entry.Digest
                ? IndexMergeOutcome.AlreadyPresent
                : throw new ChartVersionConflictException(_fileName, entry.Name, entry.Version, digest, entry.Digest);
        }

        versions.Add(ToNode(entry));
        versions.Sort((a, b) => Order(b).CompareTo(Order(a)));
        return IndexMergeOutcome.Added;
    }

    /// <summary>Renders the index; <paramref name="generated"/> is written as the <c>generated</c> time.</summary>
    public string ToYaml(DateTimeOffset generated)
    {
        var entries = new YamlMappingNode();
        foreach (var (name, versions) in _entries) entries.Add(name, new YamlSequenceNode(versions));
        return Write(new YamlMappingNode
        {
            { "apiVersion", String("v1") },
            { "entries", entries },
            { "generated", String(ChartIndexEntry.FormatTime(generated)) },
        });
    }

    /// <summary>Writes the index to <paramref name="path"/> atomically.</summary>
    public Task SaveAsync(string path, DateTimeOffset generated, CancellationToken cancellationToken = default)
        => AtomicFile.WriteTextAsync(path, ToYaml(generated), cancellationToken);

    // Entries with versions that are not SemVer 2 (written by other tools) sort after all valid ones.
    private static SemanticVersion Order(YamlMappingNode node)
        => HelmVersion.TryParse(node.Scalar("version")?.Value, out _) ?? SemanticVersion.Parse("0.0.0-0");

    private static YamlMappingNode ToNode(ChartIndexEntry entry)
    {
        var node = new YamlMappingNode
        {
            { "apiVersion", String(entry.ApiVersion) },
            { "name", String(entry.Name) },
            { "version", String(entry.Version) },
        };
        if (entry.AppVersion is not null) node.Add("appVersion", String(entry.AppVersion));
        if (entry.Description is not null) node.Add("description", String(entry.Description));
        node.Add("digest", String(entry.Digest));
        node.Add("urls", new YamlSequenceNode(entry.Urls.Select(u => (YamlNode)String(u))));
        node.Add("created", String(ChartIndexEntry.FormatTime(entry.Created)));
        return node;
    }
}
