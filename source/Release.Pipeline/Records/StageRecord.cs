using System.Text.Json;
using System.Text.Json.Serialization;
using Release.Engine;
using Release.Foundation.IO;

namespace Release.Pipeline.Records;

/// <summary>Reads and writes the JSON records stages hand to each other; writes are atomic.</summary>
public static class StageRecord
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <paramref name="record"/> to a temporary file, then moves it into place.</summary>
    public static async Task WriteAsync<T>(AbsolutePath path, T record, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteTextAsync(path, JsonSerializer.Serialize(record, Options) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a record an upstream target wrote; a missing file says which target produces it.</summary>
    public static async Task<T> ReadAsync<T>(AbsolutePath path, string producingTarget, CancellationToken cancellationToken)
    {
        if (!path.FileExists())
            throw new BuildInputException(
                $"{path} is missing: it is written by the {producingTarget} target. Run ./build.sh {producingTarget} first, " +
                $"or in CI pass the artifacts of the job that ran {producingTarget}.");
        try
        {
            return JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Options)
                   ?? throw new InvalidOperationException($"{path} is empty. Run ./build.sh {producingTarget} again.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"{path}: line {(e.LineNumber ?? 0) + 1}: not a valid record ({e.Message}). Run ./build.sh {producingTarget} again.");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // A reference or digest in the record that does not parse: the record was edited or written by something else.
            throw new InvalidOperationException($"{path}: not a valid record: {e.Message} Run ./build.sh {producingTarget} again.", e);
        }
    }
}
