using System.Text.Json.Serialization;
using Release.Pipeline.References;
using Release.Oci;

namespace Release.Pipeline.Records;

/// <summary>
/// What Build produced: the image by reference (registry, repository, the commit's tag and digest), its base image,
/// labels and the folder it was published from. The JSON keeps the reference's parts as fields
/// (<c>registry</c>, <c>repository</c>, <c>tag</c>, <c>digest</c>); reading the record parses them into <see cref="Image"/>.
/// </summary>
public sealed record ImageRecord
{
    /// <summary>The record of a built image.</summary>
    /// <param name="image">The pushed image; tag and digest are required.</param>
    /// <param name="baseImage">The base image's reference.</param>
    /// <param name="labels">The image's OCI labels.</param>
    /// <param name="publishDirectory">Where the application was published (local deploys run it from there).</param>
    public ImageRecord(OciReference image, string baseImage, IReadOnlyDictionary<string, string> labels, string publishDirectory)
    {
        if (image.Tag is null) throw new ArgumentException($"Build's image '{image}' has no tag.", nameof(image));
        image.RequireDigest();
        Image = image;
        BaseImage = baseImage;
        Labels = labels;
        PublishDirectory = publishDirectory;
    }

    /// <summary>The record as its JSON fields name it.</summary>
    [JsonConstructor]
    public ImageRecord(string registry, string repository, string tag, string digest, string baseImage,
        IReadOnlyDictionary<string, string> labels, string publishDirectory)
        : this(new OciReference(registry, repository, tag, digest), baseImage, labels, publishDirectory)
    {
    }

    /// <summary>The image: registry, repository, tag and digest.</summary>
    [JsonIgnore]
    public OciReference Image { get; }

    /// <summary>The registry, <c>host[:port]</c>.</summary>
    public string Registry => Image.Registry;

    /// <summary>The repository.</summary>
    public string Repository => Image.Repository;

    /// <summary>The tag (the version with the commit).</summary>
    public string Tag => Image.Tag!;

    /// <summary>The manifest digest.</summary>
    public string Digest => Image.Digest!;

    /// <summary>The base image's reference.</summary>
    public string BaseImage { get; }

    /// <summary>The image's OCI labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Where the application was published.</summary>
    public string PublishDirectory { get; }

    /// <inheritdoc />
    public bool Equals(ImageRecord? other) =>
        other is not null && Image == other.Image && BaseImage == other.BaseImage && PublishDirectory == other.PublishDirectory
        && Labels.Count == other.Labels.Count && Labels.All(l => other.Labels.TryGetValue(l.Key, out var v) && v == l.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Image, BaseImage, PublishDirectory);
}
