using Release.Foundation.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Containers.RootFs;
using Release.Foundation.Oci;
using Release.Oci;
using Release.Tooling.Processes;

namespace Release.Containers.BaseImages;

/// <summary>
/// Builds an ASP.NET Core base image (an OCI image layout) from what this machine already has: the installed .NET
/// runtime and the Debian libraries it links against. This is the embedded default that lets the pipeline run on a
/// machine that cannot pull any image; where a registry mirror exists, pass its image as the base image instead.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostBaseImageAssembler(IProcessRunner runner, Action<string> log)
{
    // Opened with dlopen by System.Security.Cryptography.Native.OpenSsl, so ldd does not list them.
    private static readonly string[] RuntimeDlopenedLibraries = ["libssl.so.3", "libcrypto.so.3"];

    // Only loaded when LTTng tracing is enabled, and its liblttng dependency is rarely installed.
    private const string TracepointProvider = "libcoreclrtraceptprovider.so";

    private static readonly string[] HostFilesToMirror =
    [
        "/etc/ssl/certs/ca-certificates.crt", // the CA bundle HTTPS clients trust
        "/usr/lib/ssl/cert.pem", "/usr/lib/ssl/certs", // where OpenSSL looks for it by default (links)
        "/etc/os-release", "/etc/debian_version", // lets scanners identify the distribution
    ];

    /// <summary>
    /// Returns the image already at <see cref="HostBaseImageOptions.LayoutDirectory"/> when it was assembled from the
    /// same inputs (options, this library's code, the .NET installation, the host's packages and libraries: see the
    /// fingerprint beside the layout) and is intact; else assembles it like <see cref="AssembleAsync"/>. The output of
    /// an assembly depends only on those inputs, so the reused image is the one an assembly would write.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable .NET installation, or a library the runtime needs is missing.</exception>
    public async Task<AssembledBaseImage> AssembleOrReuseAsync(HostBaseImageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dotnet = DotnetInstallation.Locate(options.DotnetMajorVersion, options.DotnetRoot);
        var stored = await BaseImageFingerprint.ReadAsync(options.LayoutDirectory, cancellationToken).ConfigureAwait(false);
        if (stored is not null && await IsReusableAsync(stored, options, dotnet, cancellationToken).ConfigureAwait(false))
        {
            var image = stored.ToAssembledImage(options.LayoutDirectory);
            log($"Reusing embedded base image {options.Name}:{options.Tag} at {image.LayoutDirectory}, manifest {image.ManifestDigest} (inputs " +
                "unchanged)");
            return image;
        }
        return await AssembleFromAsync(options, dotnet, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Assembles the image and writes it as an OCI layout at <see cref="HostBaseImageOptions.LayoutDirectory"/>, with
    /// the fingerprint of its inputs beside it (for <see cref="AssembleOrReuseAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable .NET installation, or a library the runtime needs is missing.</exception>
    public async Task<AssembledBaseImage> AssembleAsync(HostBaseImageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dotnet = DotnetInstallation.Locate(options.DotnetMajorVersion, options.DotnetRoot);
        return await AssembleFromAsync(options, dotnet, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AssembledBaseImage> AssembleFromAsync(
        HostBaseImageOptions options,
        DotnetInstallation dotnet,
        CancellationToken cancellationToken)
    {
        // Taken before anything is read: if the host changes while we copy, the snapshot after will differ from this one.
        var inputsBefore = BaseImageInputs.Capture(options, dotnet, HostFilesToMirror, []);
        log($"Assembling {options.Name}:{options.Tag} from .NET {dotnet.RuntimeVersion} / ASP.NET Core {dotnet.AspNetCoreVersion} at {dotnet.Root}");

        var rootFs = new RootFileSystem();
        var mirror = new HostPathMirror(rootFs);
        AddDotnet(rootFs, mirror, dotnet, options.ImageDotnetRoot);
        var libraries = await AddLibrariesAsync(mirror, dotnet, cancellationToken).ConfigureAwait(false);
        foreach (var path in HostFilesToMirror)
        {
            if (!mirror.Add(path))
                log($"Not on this host, left out of the image: {path}");
        }
        BaseImageSkeleton.Add(rootFs, options);

        var inventory = await new DebianPackageInventory(runner)
            .InventoryAsync(mirror.CopiedFiles, cancellationToken).ConfigureAwait(false);
        rootFs.AddTextFile("var/lib/dpkg/status", inventory.StatusFile);
        log($"Debian packages in the image: {string.Join(", ", inventory.Packages.Select(p => $"{p.Name} {p.Version}"))}");

        using var staging = StagedDirectory.Begin(options.LayoutDirectory);
        var layout = await OciImageLayout.CreateAsync(staging.StagingPath, cancellationToken).ConfigureAwait(false);
        var scratch = Path.Combine(staging.StagingPath, "layer.tar.gz.partial");
        var layer = await DeterministicLayerWriter.WriteAsync(rootFs, scratch, options.Timestamp, cancellationToken).ConfigureAwait(false);
        File.Move(scratch, layout.BlobPath(OciDigest.Parse(layer.Digest)));

        var configJson = BaseImageConfig.Create(options, dotnet, layer.DiffId);
        var config = await layout.WriteBlobAsync(JsonSerializer.SerializeToUtf8Bytes(configJson), OciMediaTypes.ImageConfig, cancellationToken)
            .ConfigureAwait(false);
        var manifestDocument = new ManifestDocument
        {
            MediaType = OciMediaTypes.ImageManifest,
            Config = config,
            Layers = [new OciDescriptor(OciMediaTypes.ImageLayerGzip, layer.Digest, layer.Size)],
            Annotations = BaseImageConfig.ManifestAnnotations(options, dotnet),
        };
        var manifest = await layout.WriteBlobAsync(manifestDocument.ToJsonBytes(), OciMediaTypes.ImageManifest, cancellationToken)
            .ConfigureAwait(false);
        await layout.AddManifestAsync(manifest, options.Tag, cancellationToken).ConfigureAwait(false);
        // The old fingerprint describes the layout about to be replaced: it goes first, the new one comes last.
        BaseImageFingerprint.Delete(options.LayoutDirectory);
        staging.Commit();

        var digest = manifest.Digest;
        log($"Wrote {options.LayoutDirectory} ({layer.Size / (1024 * 1024)} MiB layer, manifest {digest})");
        var image = new AssembledBaseImage(Path.GetFullPath(options.LayoutDirectory), options.Tag, digest, dotnet, inventory.Packages, libraries);
        if (JsonNode.DeepEquals(inputsBefore, BaseImageInputs.Capture(options, dotnet, HostFilesToMirror, [])))
        {
            var inputs = BaseImageInputs.Capture(options, dotnet, HostFilesToMirror, libraries);
            await new BaseImageFingerprint(inputs, image.Tag, image.ManifestDigest, dotnet, image.Packages, image.Libraries)
                .WriteAsync(options.LayoutDirectory, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            log("The host's .NET installation or packages changed while the base image was assembled; it will be assembled again next time.");
        }
        return image;
    }

    private async Task<bool> IsReusableAsync(
        BaseImageFingerprint stored,
        HostBaseImageOptions options,
        DotnetInstallation dotnet,
        CancellationToken ct)
    {
        var current = BaseImageInputs.Capture(options, dotnet, HostFilesToMirror, stored.Libraries);
        if (!JsonNode.DeepEquals(stored.Inputs, current))
        {
            log($"The inputs of the embedded base image changed since {BaseImageFingerprint.PathFor(options.LayoutDirectory)} was written; " +
                "assembling it again.");
            return false;
        }
        try
        {
            // The fingerprint vouches for the inputs; the layout itself must also still be whole (nobody deleted a blob).
            var layout = await OciImageLayout.OpenAsync(options.LayoutDirectory, ct).ConfigureAwait(false);
            var entry = layout.FindManifest(options.Tag);
            if (entry.Digest != stored.ManifestDigest || stored.Tag != options.Tag)
                return false;
            var manifest = await layout.ReadManifestAsync(entry, ct).ConfigureAwait(false);
            return manifest.Document.Blobs()
                .All(b => new FileInfo(layout.BlobPath(b.ParsedDigest)) is { Exists: true } file && file.Length == b.Size);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or IOException)
        {
            log($"The embedded base image at {options.LayoutDirectory} is damaged ({e.Message}); assembling it again.");
            return false;
        }
    }

    private static void AddDotnet(RootFileSystem rootFs, HostPathMirror mirror, DotnetInstallation dotnet, string imageRoot)
    {
        var root = imageRoot.TrimEnd('/');
        rootFs.AddHostFile($"{root}/dotnet", Path.Combine(dotnet.Root, "dotnet"), File.GetUnixFileMode(Path.Combine(dotnet.Root, "dotnet")));
        foreach (var notice in new[] { "LICENSE.txt", "ThirdPartyNotices.txt" })
        {
            if (File.Exists(Path.Combine(dotnet.Root, notice)))
                rootFs.AddHostFile($"{root}/{notice}", Path.Combine(dotnet.Root, notice), (UnixFileMode)0b110_100_100);
        }
        mirror.AddTree(dotnet.HostFxrDirectory, $"{root}/host/fxr/{dotnet.HostFxrVersion}");
        mirror.AddTree(dotnet.RuntimeDirectory, $"{root}/shared/Microsoft.NETCore.App/{dotnet.RuntimeVersion}",
            relative => relative != TracepointProvider);
        mirror.AddTree(dotnet.AspNetCoreDirectory, $"{root}/shared/Microsoft.AspNetCore.App/{dotnet.AspNetCoreVersion}");
        rootFs.AddSymlink("usr/bin/dotnet", $"{Path.GetRelativePath("/usr/bin", root)}/dotnet");
    }

    private async Task<IReadOnlyList<string>> AddLibrariesAsync(HostPathMirror mirror, DotnetInstallation dotnet, CancellationToken ct)
    {
        var elfFiles = new[] { Path.Combine(dotnet.Root, "dotnet") }
            .Concat(Directory.EnumerateFiles(dotnet.HostFxrDirectory, "*.so"))
            .Concat(Directory.EnumerateFiles(dotnet.RuntimeDirectory, "*.so").Where(f => Path.GetFileName(f) != TracepointProvider))
            .Concat(Directory.EnumerateFiles(dotnet.AspNetCoreDirectory, "*.so"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var resolved = await new SharedLibraryResolver(runner, log)
            .ResolveAsync(elfFiles, RuntimeDlopenedLibraries, dotnet.Root, ct).ConfigureAwait(false);
        if (resolved.Missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The .NET runtime needs libraries this machine does not have, so the base image would not start: " +
                string.Join("; ", resolved.Missing) +
                ". Install them (e.g. 'apt-get install -y libssl3 libstdc++6') or use a base image from a registry mirror with --base-image.");
        }
        foreach (var library in resolved.Libraries)
            mirror.Add(library);
        return resolved.Libraries;
    }
}
