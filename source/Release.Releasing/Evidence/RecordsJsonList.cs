using System.Text.Json;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Evidence;

/// <summary>
/// A JSON list kept in the records repository (the evidence chain, its signatures): one place for how such a file is
/// read, refused when damaged, and written, so every list file in the records has the same shape and the same repair hint.
/// </summary>
internal static class RecordsJsonList
{
    private static readonly JsonSerializerOptions Options = new() {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NewLine = "\n" };

    /// <summary>The items of <paramref name="file"/> (relative to the repository); none when there is no file yet.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(RecordsRepository repository, string file, CancellationToken ct)
    {
        var text = await repository.ReadAsync(file, ct).ConfigureAwait(false);
        if (text is null) return [];
        try { return JsonSerializer.Deserialize<List<T>>(text, Options) ?? []; }
        catch (JsonException e)
        {
            throw new ReleaseRefusedException(
                $"{file} in {repository.Shown} is not valid JSON ({e.Message}): it was damaged; restore it from the records repository's history.",
                e);
        }
    }

    /// <summary>Writes <paramref name="items"/> to <paramref name="file"/> in the checkout (not committed).</summary>
    public static async Task WriteAsync<T>(RecordsRepository repository, string file, IReadOnlyList<T> items, CancellationToken ct)
    {
        var path = repository.Path / file;
        path.Parent.CreateDirectory();
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(items, Options) + "\n", ct).ConfigureAwait(false);
    }
}
