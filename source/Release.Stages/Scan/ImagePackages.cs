using Release.Oci;
using Release.Scanning.Model;
using Release.Scanning.Sbom;
using Release.Engine;

namespace Release.Stages.Scan;

/// <summary>Reads the Debian packages of an image from its OCI layout (the dpkg status in its layers), without a registry.</summary>
public static class ImagePackages
{
    /// <summary>The packages recorded in the layers of the image tagged <paramref name="tag"/> in the layout.</summary>
    /// <param name="layoutDirectory">The OCI image layout Build wrote.</param>
    /// <param name="tag">The image's tag in the layout.</param>
    /// <param name="cache">Layers read before, by digest (the base layers of every commit are the same); null reads all.</param>
    /// <param name="ct">Stops the read.</param>
    /// <exception cref="InvalidOperationException">The layout or the image is missing; the message says to run Build.</exception>
    public static async Task<IReadOnlyList<SoftwareComponent>> ReadAsync(string layoutDirectory, string tag, LayerPackageCache? cache,
        CancellationToken ct)
    {
        if (!Directory.Exists(layoutDirectory))
            throw new BuildInputException($"{layoutDirectory} is missing: it is written by the Build target. Run ./build.sh Build first, or pass " +
                "the artifacts of the job that ran it.");
        var layout = await OciImageLayout.OpenAsync(layoutDirectory, ct).ConfigureAwait(false);
        var manifest = await layout.ReadManifestAsync(layout.FindManifest(tag), ct).ConfigureAwait(false);
        // An index (multi-platform image) lists per-platform manifests; the SDK pushes one, so take the first.
        if (manifest.IsIndex)
            manifest = await layout.ReadManifestAsync(manifest.Document.Manifests?.FirstOrDefault()
                ?? throw new InvalidOperationException($"{layoutDirectory}: image index {manifest.Digest} lists no " +
                    "manifests."), ct).ConfigureAwait(false);
        var layers = (manifest.Document.Layers ?? []).Select(l => new ImageLayer(layout.BlobPath(l.ParsedDigest),
            l.ParsedDigest.ToString())).ToList();
        return await ImageOsPackageReader.ReadLayersAsync(layers, cache, ct).ConfigureAwait(false);
    }

    /// <summary>"debian 12" from the base-files package's version, which Debian ties to its release; null when absent.</summary>
    public static string? OperatingSystem(IEnumerable<SoftwareComponent> packages) =>
        packages.FirstOrDefault(p => p.Ecosystem == ComponentEcosystem.Debian && p.Name == "base-files") is { } baseFiles
            ? $"debian {baseFiles.Version.Split('.', '+')[0]}"
            : null;
}
