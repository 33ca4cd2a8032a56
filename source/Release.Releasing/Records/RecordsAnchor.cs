using Release.Engine;
using System.Security.Cryptography;
using System.Text;
using Release.Foundation.IO;

namespace Release.Releasing.Records;

/// <summary>
/// The last head of the records repository this machine saw, one file per repository under
/// <c>.nuke/release-records-anchors/</c>. The records are append-only: every later head must contain it. A head
/// that does not was force-pushed (history rewritten or events dropped) and every command refuses until an operator
/// resolves it. Written by rename, so parallel runs never read half a file; it only ever moves forward.
/// </summary>
internal sealed class RecordsAnchor(AbsolutePath folder, string repository)
{
    /// <summary>The anchor file of this repository.</summary>
    public AbsolutePath File => folder / (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repository)))[..16] + ".head");

    /// <summary>The anchored commit, or null on first use.</summary>
    public async Task<string?> ReadAsync(CancellationToken ct) =>
        File.FileExists()
            ? (await System.IO.File.ReadAllTextAsync(File, ct).ConfigureAwait(false)).Trim() is { Length: > 0 } head ? head : null
            : null;

    /// <summary>Anchors <paramref name="head"/>.</summary>
    public async Task WriteAsync(string head, CancellationToken ct)
    {
        await AtomicFile.WriteTextAsync(File, head + "\n", ct).ConfigureAwait(false);
    }
}
