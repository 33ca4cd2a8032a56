using System.Globalization;

namespace Release.Containers.Builders;

/// <summary>
/// Where an image came from, written as the standard <c>org.opencontainers.image.*</c> labels so a registry,
/// scanner or auditor can trace a running container back to its commit.
/// </summary>
public sealed record ImageMetadata
{
    /// <summary>Label key for the commit (<c>org.opencontainers.image.revision</c>).</summary>
    public const string RevisionLabel = "org.opencontainers.image.revision";
    /// <summary>Label key for the source repository URL.</summary>
    public const string SourceLabel = "org.opencontainers.image.source";
    /// <summary>Label key for the version.</summary>
    public const string VersionLabel = "org.opencontainers.image.version";
    /// <summary>Label key for the creation time (RFC 3339).</summary>
    public const string CreatedLabel = "org.opencontainers.image.created";

    /// <summary>Version of the software, e.g. <c>1.4.0</c>.</summary>
    public string? Version { get; init; }

    /// <summary>Commit the image was built from.</summary>
    public string? Revision { get; init; }

    /// <summary>URL of the source repository.</summary>
    public string? Source { get; init; }

    /// <summary>When the image was built; pass the commit time for reproducible labels.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Any further labels; a key given here wins over the generated one.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>All labels, sorted by key, so argument lists are stable.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToLabels()
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Created is { } created)
            labels[CreatedLabel] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(Revision))
            labels[RevisionLabel] = Revision;
        if (!string.IsNullOrEmpty(Source))
            labels[SourceLabel] = Source;
        if (!string.IsNullOrEmpty(Version))
            labels[VersionLabel] = Version;
        foreach (var (key, value) in Extra)
            labels[key] = value;
        return labels.ToList();
    }
}
