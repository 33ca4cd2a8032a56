using System.Text.Json;
using Release.Process.Evidence;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>The hash chain across releases, kept with the release records as <c>evidence/chain.json</c>.</summary>
internal static class EvidenceChainFile
{
    /// <summary>The chain file, relative to the records repository.</summary>
    public const string File = "evidence/chain.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NewLine = "\n" };

    /// <summary>Reads the chain (empty when there is none yet).</summary>
    public static async Task<HashChain> ReadAsync(RecordsRepository repository, CancellationToken ct)
    {
        var text = await repository.ReadAsync(File, ct);
        if (text is null) return HashChain.Empty;
        try
        {
            return HashChain.FromLinks(JsonSerializer.Deserialize<List<ChainLink>>(text, Options) ?? []);
        }
        catch (JsonException e)
        {
            throw new ReleaseRefusedException($"The evidence chain {File} in {repository.Shown} is not valid JSON ({e.Message}): it was damaged; restore it from the records repository's history.", e);
        }
    }

    /// <summary>Writes the chain into the checkout.</summary>
    public static async Task WriteAsync(RecordsRepository repository, HashChain chain, CancellationToken ct)
    {
        var path = repository.Path / File;
        path.Parent.CreateDirectory();
        await System.IO.File.WriteAllTextAsync(path, JsonSerializer.Serialize(chain.Links, Options) + "\n", ct);
    }
}
