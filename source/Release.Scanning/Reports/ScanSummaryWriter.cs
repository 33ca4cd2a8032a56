using Release.Foundation.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using Release.Scanning.Io;

namespace Release.Scanning.Reports;

/// <summary>Writes a <see cref="ScanSummary"/> as camelCase JSON with severity and verdict names as strings.</summary>
public static class ScanSummaryWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Renders the summary as JSON text.</summary>
    /// <param name="summary">The summary.</param>
    public static string Write(ScanSummary summary) => JsonSerializer.Serialize(summary, Options) + "\n";

    /// <summary>Renders and writes the summary atomically.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="path">Destination, e.g. <c>artifacts/scan-summary.json</c>.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static Task WriteFileAsync(ScanSummary summary, string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, Write(summary), cancellationToken);
}
