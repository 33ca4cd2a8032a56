using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Release.Containers.Tests.Support;

/// <summary>Reads a gzip tar layer back so tests can check what the image really holds.</summary>
internal static class LayerReader
{
    public sealed record Entry(string Name, TarEntryType Type, UnixFileMode Mode, int Uid, DateTimeOffset Modified, string? LinkName, string? Text);

    public static async Task<IReadOnlyList<Entry>> ReadAsync(string path, IReadOnlySet<string> textFiles)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        var entries = new List<Entry>();
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            string? text = null;
            if (textFiles.Contains(entry.Name) && entry.DataStream is { } data)
                text = await new StreamReader(data, Encoding.UTF8).ReadToEndAsync();
            entries.Add(new Entry(entry.Name, entry.EntryType, entry.Mode, entry.Uid, entry.ModificationTime, entry.LinkName, text));
        }
        return entries;
    }
}
