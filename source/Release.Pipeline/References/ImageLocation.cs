using Release.Oci;

namespace Release.Delivery.Push;

/// <summary>An image pinned by digest in a registry: what promotion copies. Tags are never trusted as sources.</summary>
/// <param name="Registry">The registry, <c>host[:port]</c>.</param>
/// <param name="Repository">The repository, e.g. <c>apps/director</c>.</param>
/// <param name="Digest">The manifest digest, <c>sha256:…</c>.</param>
public sealed record ImageLocation(string Registry, string Repository, string Digest)
{
    /// <summary>Checks repository and digest; throws naming the field and its fix.</summary>
    public ImageLocation Validate()
    {
        OciNames.ValidateRepository(Repository, nameof(Repository));
        if (!OciDigest.TryParse(Digest, out _))
            throw new ArgumentException($"'{Digest}' is not an image digest: promotion copies by digest (sha256:<64 hex digits>), never by tag.", nameof(Digest));
        return this;
    }

    /// <summary><c>REGISTRY/REPOSITORY@DIGEST</c>, the reference podman, docker and Kubernetes pull.</summary>
    public override string ToString() => $"{Registry}/{Repository}@{Digest}";
}
