using System.Text.RegularExpressions;

namespace Release.Containers;

/// <summary>A parsed container image reference: <c>[registry/]repository[:tag][@digest]</c>.</summary>
/// <param name="Registry">Registry host[:port]; <c>docker.io</c> when the reference names none.</param>
/// <param name="Repository">Repository path, e.g. <c>base/aspnet</c>.</param>
/// <param name="Tag">Tag, or null when only a digest is given.</param>
/// <param name="Digest">Digest (<c>sha256:…</c>), or null.</param>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Parses <paramref name="reference"/> the way docker and podman do; a missing tag means <c>latest</c>.</summary>
    /// <exception cref="FormatException">Not a valid reference; the message shows the expected form.</exception>
    public static ImageReference Parse(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || !Pattern().IsMatch(reference))
            throw new FormatException(
                $"'{reference}' is not an image reference; expected [REGISTRY/]REPOSITORY[:TAG][@sha256:DIGEST], e.g. registry.example.com/dotnet/aspnet:10.0.");
        string? digest = null;
        var rest = reference;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }
        var slash = rest.IndexOf('/');
        var first = slash < 0 ? "" : rest[..slash];
        // Like docker: the first part is a registry only when it looks like a host (has '.' or ':' or is localhost).
        var hasRegistry = first.Length > 0 && (first.Contains('.') || first.Contains(':') || first == "localhost");
        var registry = hasRegistry ? first : "docker.io";
        var repository = hasRegistry ? rest[(slash + 1)..] : rest;
        if (repository.Any(char.IsUpper))
            throw new FormatException($"'{reference}' is not an image reference: the repository '{repository}' must be lower-case.");
        if (!hasRegistry && !repository.Contains('/'))
            repository = "library/" + repository;
        if (tag is null && digest is null)
            tag = "latest";
        return new ImageReference(registry, repository, tag, digest);
    }

    /// <summary>The manifest reference to ask the registry for: the digest when given, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag!;

    /// <summary>Canonical text, e.g. <c>localhost:5000/base/aspnet:10.0</c>.</summary>
    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9._\-]*(:[0-9]+)?(/[a-z0-9]+([._\-]+[a-z0-9]+)*)*(:[\w][\w.\-]{0,127})?(@sha256:[a-f0-9]{64})?$")]
    private static partial Regex Pattern();
}
