using System.Text.Json;
using Release.Process.Evidence;
using Release.Releasing.Common;
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

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NewLine = "\n" };

    /// <summary>The signatures (none when there is no file yet).</summary>
    public static async Task<IReadOnlyList<ChainSignature>> ReadAsync(RecordsRepository repository, CancellationToken ct)
    {
        var text = await repository.ReadAsync(File, ct);
        if (text is null) return [];
        try { return JsonSerializer.Deserialize<List<ChainSignature>>(text, Options) ?? []; }
        catch (JsonException e)
        {
            throw new ReleaseRefusedException($"{File} in {repository.Shown} is not valid JSON ({e.Message}): restore it from the records repository's history.", e);
        }
    }

    /// <summary>Writes the signatures into the checkout.</summary>
    public static async Task WriteAsync(RecordsRepository repository, IReadOnlyList<ChainSignature> signatures, CancellationToken ct)
    {
        var path = repository.Path / File;
        path.Parent.CreateDirectory();
        await System.IO.File.WriteAllTextAsync(path, JsonSerializer.Serialize(signatures, Options) + "\n", ct);
    }
}
