using Release.Oci;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Push;

/// <summary>
/// The built image as Build left it in its artifacts (<c>artifacts/build/image-layout</c>). A CI job after the build
/// job reads it from there when Build's registry cannot serve it: on a runner with no registry configured, Build pushed
/// to its job's own embedded registry, which ended with that job.
/// </summary>
internal sealed class BuiltImageLayout(IPush build, ImageRecord image)
{
    /// <summary>Whether the layout is here and Build's registry cannot serve the image (gone, or without that digest).</summary>
    public async Task<bool> IsNeededAsync(CancellationToken ct)
    {
        if (!build.Paths.ImageLayout.DirectoryExists()) return false;
        try
        {
            using var client = build.RegistryConnections.Source(image.Registry);
            return (await client.ResolveDigestAsync(image.Repository, image.Digest, ct).ConfigureAwait(false))?.ToString() != image.Digest;
        }
        catch (Exception e) when (e is RegistryUnreachableException or OciRegistryException or InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>Pushes the layout's image to <paramref name="registry"/>/<paramref name="repository"/>:<paramref name="tag"/> (immutable tag);
    /// returns its digest.</summary>
    public async Task<string> PushAsync(string registry, string repository, string tag, CancellationToken ct)
    {
        build.Log.Information(
            $"Build's registry {image.Registry} does not serve {image.Digest} here (it was another job's); pushing it from " +
                $"{build.Paths.ImageLayout}");
        using var client = build.RegistryConnections.Target(registry);
        var digest = await RegistryErrors.Explain(
            "Push",
            $"pushing {build.Paths.ImageLayout} to {registry}/{repository}:{tag}",
            RegistryErrors.PushRegistryHint,
            () => client.PushLayoutAsync(build.Paths.ImageLayout, repository, tag, image.Tag, immutableTag: true, ct)).ConfigureAwait(false);
        return digest.ToString();
    }
}
