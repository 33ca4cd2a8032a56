namespace Release.Containers;

/// <summary>
/// A container image reference as docker and podman read it: <c>[registry/]repository[:tag][@digest]</c>, where a
/// missing registry means Docker Hub and a missing tag <c>latest</c>. The parts are checked by
/// <see cref="Release.Oci.OciReference"/>, the one parser of references; this adds only Docker's short forms.
/// </summary>
/// <param name="Registry">Registry host[:port]; <c>docker.io</c> when the reference names none.</param>
/// <param name="Repository">Repository path, e.g. <c>base/aspnet</c>.</param>
/// <param name="Tag">Tag, or null when only a digest is given.</param>
/// <param name="Digest">Digest (<c>sha256:…</c>), or null.</param>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Parses <paramref name="reference"/> the way docker and podman do; a missing tag means <c>latest</c>.</summary>
    /// <exception cref="FormatException">Not a valid reference; the message shows the expected form.</exception>
    public static ImageReference Parse(string reference)
    {
        var text = reference ?? "";
        var slash = text.IndexOf('/');
        // Like docker: the first part is a registry only when it looks like a host; else Docker Hub is meant, and a
        // single name there is an official image under library/.
        var named = slash > 0 && Release.Oci.OciReference.LooksLikeRegistry(text[..slash]) ? text
            : "docker.io/" + (slash > 0 ? text : "library/" + text);
        if (!Release.Oci.OciReference.TryParse(named, out var parsed, out var problem))
            throw new FormatException(
                $"'{reference}' is not an image reference ({problem}); expected [REGISTRY/]REPOSITORY[:TAG][@sha256:DIGEST], e.g. " +
                    "registry.example.com/dotnet/aspnet:10.0.");
        return new ImageReference(parsed!.Registry, parsed.Repository, parsed.Tag ?? (parsed.Digest is null ? "latest" : null), parsed.Digest);
    }

    /// <summary>The manifest reference to ask the registry for: the digest when given, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag!;

    /// <summary>Canonical text, e.g. <c>localhost:5000/base/aspnet:10.0</c>.</summary>
    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";
}
