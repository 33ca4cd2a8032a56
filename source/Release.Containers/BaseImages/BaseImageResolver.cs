using System.Text.RegularExpressions;
using Release.Containers.Layouts;
using Release.Oci;

namespace Release.Containers.BaseImages;

/// <summary>
/// Decides the base image for a build. Two first-class paths: a mirror image given with <c>--base-image</c> (checked to
/// be pullable before any build starts), or the embedded base assembled from this host (reused while its inputs are
/// unchanged) and pushed to the pipeline's registry, so a fresh machine with no registry access still builds.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class BaseImageResolver(HostBaseImageAssembler assembler, Func<string, OciRegistryClient> clientFor, Action<string> log)
{
    /// <summary>Returns the reference to build on, e.g. <c>localhost:5000/base/aspnet:10.0</c>.</summary>
    /// <exception cref="BaseImageUnavailableException">The mirror image cannot be pulled.</exception>
    public async Task<string> ResolveAsync(BaseImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.MirrorImage))
        {
            await EnsurePullableAsync(request.MirrorImage, cancellationToken).ConfigureAwait(false);
            log($"Base image: {request.MirrorImage} (from --base-image)");
            return request.MirrorImage;
        }
        return (await ResolveEmbeddedAsync(request, cancellationToken).ConfigureAwait(false)).Reference;
    }

    /// <summary>
    /// Returns the base both as a reference and as a local OCI image layout to build on. The embedded base: its
    /// assembled layout (reused while its inputs are unchanged), also pushed to <see cref="BaseImageRequest.Registry"/>.
    /// A mirror: checked like <see cref="EnsurePullableAsync"/>, then only this machine's platform is pulled into
    /// <c>WorkDirectory/mirror/NAME</c>, a cache kept between runs (blobs already there are not fetched again).
    /// </summary>
    /// <exception cref="BaseImageUnavailableException">The mirror image cannot be pulled, or has no image for this machine's platform.</exception>
    public async Task<ResolvedBaseImage> ResolveBaseImageAsync(BaseImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.MirrorImage))
            return await ResolveEmbeddedAsync(request, cancellationToken).ConfigureAwait(false);

        var image = request.MirrorImage;
        await EnsurePullableAsync(image, cancellationToken).ConfigureAwait(false);
        var reference = ImageReference.Parse(image);
        var directory = Path.GetFullPath(Path.Combine(request.WorkDirectory, "mirror", CacheName(reference)));
        // A layout ref name must be a tag; a reference pinned by digest alone has none, so it gets a fixed one.
        var layoutTag = reference.Tag ?? "pinned";
        try
        {
            using var client = clientFor(reference.Registry);
            var pull = await PlatformImagePuller.PullAsync(
                client,
                reference.Repository,
                reference.ManifestReference,
                directory,
                layoutTag,
                cancellationToken)
                .ConfigureAwait(false);
            log($"Base image: {image} (from --base-image), {HostPlatform.Name} manifest {pull.Manifest.Digest} in {directory} " +
                $"({pull.Downloaded} blobs pulled, {pull.Present} already there)");
            return new ResolvedBaseImage(image, directory, layoutTag, pull.Manifest.Digest.ToString());
        }
        catch (InvalidOperationException e)
        {
            throw new BaseImageUnavailableException(image, e.Message, e);
        }
        catch (OciRegistryException e)
        {
            throw new BaseImageUnavailableException(image, e.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw new BaseImageUnavailableException(image, $"registry {reference.Registry} is unreachable ({e.Message})", e);
        }
    }

    /// <summary>Checks that <paramref name="image"/>'s manifest can be fetched from its registry.</summary>
    /// <exception cref="BaseImageUnavailableException">It cannot; the message names the image and the fix.</exception>
    public async Task EnsurePullableAsync(string image, CancellationToken cancellationToken = default)
    {
        ImageReference reference;
        try
        {
            reference = ImageReference.Parse(image);
        }
        catch (FormatException e)
        {
            throw new BaseImageUnavailableException(image, e.Message, e);
        }
        try
        {
            using var client = clientFor(reference.Registry);
            var digest = await client.ResolveDigestAsync(reference.Repository, reference.ManifestReference, cancellationToken).ConfigureAwait(false);
            if (digest is null)
                throw new BaseImageUnavailableException(
                    image,
                    $"registry {reference.Registry} has no manifest '{reference.ManifestReference}' in repository '{reference.Repository}'");
        }
        catch (OciRegistryException e)
        {
            throw new BaseImageUnavailableException(image, e.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw new BaseImageUnavailableException(image, $"registry {reference.Registry} is unreachable ({e.Message})", e);
        }
    }

    private async Task<ResolvedBaseImage> ResolveEmbeddedAsync(BaseImageRequest request, CancellationToken cancellationToken)
    {
        var options = (request.EmbeddedOptions ?? new HostBaseImageOptions("")) with
        {
            LayoutDirectory = Path.Combine(request.WorkDirectory, "embedded-base-image"),
            Name = request.EmbeddedRepository,
            Tag = request.EmbeddedTag,
        };
        var image = await assembler.AssembleOrReuseAsync(options, cancellationToken).ConfigureAwait(false);
        using var client = clientFor(request.Registry);
        // Blobs the registry already has are skipped, so pushing an unchanged base again costs a few HEAD requests.
        await client.PushLayoutAsync(image.LayoutDirectory, request.EmbeddedRepository, request.EmbeddedTag,
            image.Tag, cancellationToken: cancellationToken).ConfigureAwait(false);
        var reference = $"{request.Registry}/{request.EmbeddedRepository}:{request.EmbeddedTag}";
        log($"Base image: {reference} (embedded, assembled from this machine, manifest {image.ManifestDigest})");
        return new ResolvedBaseImage(reference, image.LayoutDirectory, image.Tag, image.ManifestDigest)
        {
            Name = $"{request.EmbeddedRepository}:{request.EmbeddedTag}",
        };
    }

    /// <summary>A folder name for a reference: <c>registry.bank.internal/dotnet/aspnet:10.0</c> gives
    /// <c>registry.bank.internal_dotnet_aspnet_10.0</c>.</summary>
    private static string CacheName(ImageReference reference) =>
        UnsafeNameCharacters().Replace(
            $"{reference.Registry}/{reference.Repository}:{reference.Tag ?? ""}@{reference.Digest ?? ""}".TrimEnd('@', ':'),
            "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeNameCharacters();
}
