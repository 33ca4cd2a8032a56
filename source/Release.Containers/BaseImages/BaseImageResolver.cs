using Release.Oci;

namespace Release.Containers.BaseImages;

/// <summary>
/// Decides the base image for a build. Two first-class paths: a mirror image given with <c>--base-image</c> (checked to
/// be pullable before any build starts), or the embedded base assembled from this host and pushed to the pipeline's
/// registry, so a fresh machine with no registry access still builds.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BaseImageResolver(HostBaseImageAssembler assembler, Func<string, OciRegistryClient> clientFor, Action<string> log)
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

        var options = (request.EmbeddedOptions ?? new HostBaseImageOptions("")) with
        {
            LayoutDirectory = Path.Combine(request.WorkDirectory, "embedded-base-image"),
            Name = request.EmbeddedRepository,
            Tag = request.EmbeddedTag,
        };
        var image = await assembler.AssembleAsync(options, cancellationToken).ConfigureAwait(false);
        using var client = clientFor(request.Registry);
        await client.PushLayoutAsync(image.LayoutDirectory, request.EmbeddedRepository, request.EmbeddedTag,
            image.Tag, cancellationToken: cancellationToken).ConfigureAwait(false);
        var reference = $"{request.Registry}/{request.EmbeddedRepository}:{request.EmbeddedTag}";
        log($"Base image: {reference} (embedded, assembled from this machine, manifest {image.ManifestDigest})");
        return reference;
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
                throw new BaseImageUnavailableException(image, $"registry {reference.Registry} has no manifest '{reference.ManifestReference}' in repository '{reference.Repository}'");
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
}
