using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>A push would move a tag that already points at different content; released tags never move.</summary>
public sealed class ImmutableTagException : OciRegistryException
{
    /// <summary>Creates the exception naming repository, tag and both digests.</summary>
    public ImmutableTagException(string registry, string repository, string tag, OciDigest existing, OciDigest attempted)
        : base(
            $"refusing to move tag {registry}/{repository}:{tag}: it already points at {existing}, " +
            $"the new content is {attempted}. Tags are immutable here: push under a new tag (e.g. the next version).")
    {
        Repository = repository;
        Tag = tag;
        ExistingDigest = existing;
        AttemptedDigest = attempted;
    }

    /// <summary>The repository holding the tag.</summary>
    public string Repository { get; }

    /// <summary>The tag that would have moved.</summary>
    public string Tag { get; }

    /// <summary>The digest the tag points at now.</summary>
    public OciDigest ExistingDigest { get; }

    /// <summary>The digest of the content that was refused.</summary>
    public OciDigest AttemptedDigest { get; }
}
