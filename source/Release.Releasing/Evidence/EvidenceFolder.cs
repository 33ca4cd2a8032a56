using System.Text.Json;
using System.Text.Json.Serialization;
using Release.Engine;
using Release.Releasing.Common;

namespace Release.Releasing.Evidence;

/// <summary>
/// The folder an evidence bundle is written into: one place for how a file is written or copied into it (JSON form,
/// folders made, <see cref="SecretGuard"/> refusing any file that holds a secret value of the build), shared by a
/// module's bundle and an application release's.
/// </summary>
/// <param name="build">The build (its secrets are refused).</param>
/// <param name="releaseId">The release the bundle is of, named in refusals.</param>
/// <param name="folder">The folder (a staging folder until the bundle is linked).</param>
internal sealed class EvidenceFolder(IBuild build, string releaseId, AbsolutePath folder)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NewLine = "\n",
        Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The folder.</summary>
    public AbsolutePath Path => folder;

    /// <summary>Writes <paramref name="value"/> as indented camel-case JSON.</summary>
    public Task WriteJsonAsync(string relative, object value, CancellationToken ct) =>
        WriteTextAsync(relative, JsonSerializer.Serialize(value, Options) + "\n", ct);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/>.</summary>
    public async Task WriteTextAsync(string relative, string text, CancellationToken ct)
    {
        SecretGuard.Check(build, text, $"Evidence file {relative} of {releaseId}");
        var path = folder / relative;
        path.Parent.CreateDirectory();
        await File.WriteAllTextAsync(path, text, ct).ConfigureAwait(false);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="relative"/>; false (nothing written) when there is no such file.</summary>
    public async Task<bool> CopyAsync(AbsolutePath source, string relative, CancellationToken ct)
    {
        if (!source.FileExists()) return false;
        var bytes = await File.ReadAllBytesAsync(source, ct).ConfigureAwait(false);
        SecretGuard.Check(build, System.Text.Encoding.UTF8.GetString(bytes), $"Evidence file {source}");
        var path = folder / relative;
        path.Parent.CreateDirectory();
        await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Copies every file under <paramref name="source"/> below <paramref name="relative"/>; the number copied (0 when no folder).</summary>
    public async Task<int> CopyFolderAsync(AbsolutePath source, string relative, CancellationToken ct)
    {
        if (!Directory.Exists(source)) return 0;
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetRelativePath(source, file).Replace('\\', '/');
            if (await CopyAsync(new AbsolutePath(file), relative + "/" + name, ct).ConfigureAwait(false)) copied++;
        }
        return copied;
    }
}
