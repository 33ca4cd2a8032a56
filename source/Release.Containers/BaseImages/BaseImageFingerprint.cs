using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Foundation.IO;

namespace Release.Containers.BaseImages;

/// <summary>
/// What an assembly of the embedded base was made from (<see cref="BaseImageInputs"/>) and what it produced, stored
/// beside the layout (<c>LAYOUT.inputs.json</c>) so a later run with the same inputs can return the same
/// <see cref="AssembledBaseImage"/> without assembling. Written last and atomically; removed before a layout is replaced.
/// </summary>
/// <param name="Inputs">The input snapshot taken for this layout.</param>
/// <param name="Tag">Tag of the image in the layout.</param>
/// <param name="ManifestDigest">Digest of the manifest the layout holds under <paramref name="Tag"/>.</param>
/// <param name="Dotnet">The installation the runtime was copied from.</param>
/// <param name="Packages">Debian packages recorded in the image.</param>
/// <param name="Libraries">Host libraries copied into the image.</param>
internal sealed record BaseImageFingerprint(
    JsonObject Inputs,
    string Tag,
    string ManifestDigest,
    DotnetInstallation Dotnet,
    IReadOnlyList<DebianPackage> Packages,
    IReadOnlyList<string> Libraries)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The fingerprint file of the layout at <paramref name="layoutDirectory"/>.</summary>
    public static string PathFor(string layoutDirectory) => Path.GetFullPath(layoutDirectory).TrimEnd('/') + ".inputs.json";

    /// <summary>The stored fingerprint, or null when there is none or it cannot be read (then the image is assembled anew).</summary>
    public static async Task<BaseImageFingerprint?> ReadAsync(string layoutDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var file = File.OpenRead(PathFor(layoutDirectory));
            await using var fileDisposal = file.ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync<BaseImageFingerprint>(file, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes the fingerprint through a temp file and a rename, so a reader never sees half of it.</summary>
    public Task WriteAsync(string layoutDirectory, CancellationToken cancellationToken) =>
        AtomicFile.WriteBytesAsync(PathFor(layoutDirectory), JsonSerializer.SerializeToUtf8Bytes(this, Options), cancellationToken);

    /// <summary>Removes the fingerprint, so it never vouches for a layout it was not taken for.</summary>
    public static void Delete(string layoutDirectory) => File.Delete(PathFor(layoutDirectory));

    /// <summary>The result this fingerprint describes.</summary>
    public AssembledBaseImage ToAssembledImage(string layoutDirectory) =>
        new(Path.GetFullPath(layoutDirectory), Tag, ManifestDigest, Dotnet, Packages, Libraries);
}
