using Release.Process.Evidence;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>
/// The signatures of the evidence chain's links, kept beside the chain as <c>evidence/chain-signatures.json</c>: who
/// linked a release's evidence signs the chain hash it produced, so a chain recomputed by someone else does not verify.
/// </summary>
internal static class EvidenceChainSignaturesFile
{
    /// <summary>The file, relative to the records repository.</summary>
    public const string File = "evidence/chain-signatures.json";

    /// <summary>The signatures (none when there is no file yet).</summary>
    public static Task<IReadOnlyList<ChainSignature>> ReadAsync(RecordsRepository repository, CancellationToken ct) =>
        RecordsJsonList.ReadAsync<ChainSignature>(repository, File, ct);

    /// <summary>Writes the signatures into the checkout.</summary>
    public static Task WriteAsync(RecordsRepository repository, IReadOnlyList<ChainSignature> signatures, CancellationToken ct) =>
        RecordsJsonList.WriteAsync(repository, File, signatures, ct);
}
