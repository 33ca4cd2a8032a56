using System.Text.Json.Serialization;
using Release.Pipeline.References;
using Release.Oci;

namespace Release.Pipeline.Records;

/// <summary>
/// Push's record: the release image under its immutable tag, pinned by digest. The JSON keeps the reference's parts
/// as fields (<c>registry</c>, <c>repository</c>, <c>tag</c>, <c>digest</c>); reading the record parses them into <see cref="Image"/>.
/// </summary>
public sealed record PushRecord
{
    /// <summary>The record of a pushed image.</summary>
    /// <param name="image">The pushed image; tag and digest are required.</param>
    public PushRecord(OciReference image)
    {
        if (image.Tag is null) throw new ArgumentException($"The pushed image '{image}' has no tag.", nameof(image));
        image.RequireDigest();
        Image = image;
    }

    /// <summary>The record as its JSON fields name it.</summary>
    [JsonConstructor]
    public PushRecord(string registry, string repository, string tag, string digest) : this(new OciReference(registry, repository, tag, digest))
    {
    }

    /// <summary>The pushed image: registry, repository, tag and digest.</summary>
    [JsonIgnore]
    public OciReference Image { get; }

    /// <summary>The registry, <c>host[:port]</c>.</summary>
    public string Registry => Image.Registry;

    /// <summary>The repository.</summary>
    public string Repository => Image.Repository;

    /// <summary>The immutable tag.</summary>
    public string Tag => Image.Tag!;

    /// <summary>The manifest digest.</summary>
    public string Digest => Image.Digest!;
}
