using System.Text.Json.Serialization;
using Release.Foundation.Oci;

namespace Release.Oci;

/// <summary>
/// Where an image or a chart is in a registry: <c>REGISTRY/REPOSITORY[:TAG][@DIGEST]</c>. Parsed once, where a value
/// enters (a parameter, a record), and carried as this value (the pipeline's records and stages pass it along), so no
/// one splits a string again. Every part is checked against the OCI distribution spec when the value is made. Docker's
/// short forms (Docker Hub implied) are the container tool layer's business (<c>Release.Containers.ImageReference</c>).
/// </summary>
[JsonConverter(typeof(OciReferenceJsonConverter))]
public sealed record OciReference
{
    private const string Scheme = "oci://";
    private const string Form = "REGISTRY/REPOSITORY[:TAG][@DIGEST], like localhost:5000/apps/director:1.4.0_g0156133";

    /// <summary>Makes a reference from its parts.</summary>
    /// <param name="registry">The registry, <c>host[:port]</c>.</param>
    /// <param name="repository">The repository inside the registry, e.g. <c>apps/director</c>.</param>
    /// <param name="tag">The tag, or null.</param>
    /// <param name="digest">The manifest digest (<c>sha256:…</c>), or null.</param>
    /// <exception cref="ArgumentException">A part is not valid; the message names it and its form.</exception>
    public OciReference(string registry, string repository, string? tag = null, string? digest = null)
    {
        if (Problem(registry, repository, tag, digest) is { } problem) throw new ArgumentException(problem);
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry, <c>host[:port]</c>, e.g. <c>localhost:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository inside the registry, e.g. <c>apps/director</c> or <c>charts/director</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when the reference names no tag.</summary>
    public string? Tag { get; }

    /// <summary>The manifest digest (<c>sha256:…</c>), or null when the reference is not pinned.</summary>
    public string? Digest { get; }

    /// <summary><c>REGISTRY/REPOSITORY</c>: the name without tag or digest.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary><c>oci://REGISTRY/REPOSITORY</c>: the chart repository URL Flux and helm ask for.</summary>
    public string Url => Scheme + Name;

    /// <summary>This reference with <paramref name="tag"/> (checked).</summary>
    public OciReference WithTag(string? tag) => new(Registry, Repository, tag, Digest);

    /// <summary>This reference pinned to <paramref name="digest"/> (checked).</summary>
    public OciReference WithDigest(string? digest) => new(Registry, Repository, Tag, digest);

    /// <summary>This reference without tag: pinned by digest only, as promotion and deployments name what they copy or run.</summary>
    public OciReference ByDigest() => new(Registry, Repository, null, RequireDigest());

    /// <summary>The digest; throws when the reference is not pinned (tags are never trusted as sources).</summary>
    /// <exception cref="ArgumentException">No digest.</exception>
    public string RequireDigest() => Digest ??
        throw new ArgumentException(
            $"'{this}' names no digest: images and charts are copied and deployed by digest (sha256:<64 hex digits>), never by tag.");

    /// <summary>
    /// Parses <c>REGISTRY/REPOSITORY[:TAG][@DIGEST]</c>, with or without <c>oci://</c>. The first path component must be
    /// a registry (it has a <c>.</c> or a <c>:port</c>, or is <c>localhost</c>): this pipeline never guesses Docker Hub.
    /// </summary>
    /// <param name="text">The reference.</param>
    /// <param name="origin">Where the text came from, for the message (a parameter, a file), or null.</param>
    /// <exception cref="FormatException">The text is not a reference; the message says why, where from, and the form.</exception>
    public static OciReference Parse(string text, string? origin = null) =>
        TryParse(text, out var reference, out var problem)
            ? reference!
            : throw new FormatException($"{(origin is null ? "" : origin + ": ")}'{text}' is not an OCI reference: {problem}. Write {Form}.");

    /// <summary>Parses like <see cref="Parse"/>; returns false with the reason instead of throwing.</summary>
    public static bool TryParse(string? text, out OciReference? reference, out string? problem)
    {
        reference = null;
        var rest = (text ?? "").Trim();
        if (rest.StartsWith(Scheme, StringComparison.Ordinal)) rest = rest[Scheme.Length..];
        if (rest.Length == 0 || rest.Any(char.IsWhiteSpace))
        {
            problem = "it is empty or holds spaces";
            return false;
        }
        if (rest.Contains("://", StringComparison.Ordinal))
        {
            problem = "only oci:// may come before the registry (a registry is not a URL here)";
            return false;
        }

        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0) (rest, digest) = (rest[..at], rest[(at + 1)..]);
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/')) (rest, tag) = (rest[..colon], rest[(colon + 1)..]);

        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            problem = "it names no registry and repository";
            return false;
        }
        var registry = rest[..slash];
        if (!LooksLikeRegistry(registry))
        {
            problem = $"'{registry}' is not a registry (a host with a dot or a port, or localhost)";
            return false;
        }

        problem = Problem(registry, rest[(slash + 1)..], tag, digest);
        if (problem is not null) return false;
        reference = new OciReference(registry, rest[(slash + 1)..], tag, digest);
        return true;
    }

    /// <summary><c>REGISTRY/REPOSITORY[:TAG][@DIGEST]</c>: what podman, docker and Kubernetes pull.</summary>
    public override string ToString() => Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>Whether the first path component of a reference names a registry, by Docker's rule: it has a <c>.</c> or a <c>:port</c>, or is
    /// <c>localhost</c>.</summary>
    public static bool LooksLikeRegistry(string registry) =>
        registry.Contains('.') || registry.Contains(':') || registry.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static string? Problem(string registry, string repository, string? tag, string? digest)
    {
        if (string.IsNullOrWhiteSpace(registry) || registry.Contains('/') || registry.Contains("://", StringComparison.Ordinal))
            return $"the registry '{registry}' is not host[:port]";
        try
        {
            RegistryAddress.Parse(registry);
            OciNames.ValidateRepository(repository);
            if (tag is not null) OciNames.ValidateTag(tag);
        }
        catch (ArgumentException e)
        {
            return e.Message.Split(" (Parameter", 2)[0].TrimEnd('.');
        }
        if (digest is not null && !OciDigest.TryParse(digest, out _))
            return $"'{digest}' is not a digest (sha256: and 64 lower-case hex digits)";
        return null;
    }
}
