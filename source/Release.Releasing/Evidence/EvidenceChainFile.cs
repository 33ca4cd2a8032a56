using Release.Process.Evidence;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>The hash chain across releases, kept with the release records as <c>evidence/chain.json</c>.</summary>
internal static class EvidenceChainFile
{
    /// <summary>The chain file, relative to the records repository.</summary>
    public const string File = "evidence/chain.json";

    /// <summary>Reads the chain (empty when there is none yet).</summary>
    public static async Task<HashChain> ReadAsync(RecordsRepository repository, CancellationToken ct) =>
        HashChain.FromLinks(await RecordsJsonList.ReadAsync<ChainLink>(repository, File, ct).ConfigureAwait(false));

    /// <summary>Writes the chain into the checkout.</summary>
    public static Task WriteAsync(RecordsRepository repository, HashChain chain, CancellationToken ct) =>
        RecordsJsonList.WriteAsync(repository, File, chain.Links, ct);
}
