using System.Buffers.Binary;
using System.IO.Compression;

namespace Release.Helm.Packaging;

/// <summary>
/// Gzip (RFC 1952) with a fixed header: no file name, modification time 0 and operating system 255 ("unknown"), so
/// the bytes do not depend on when or on which OS the package was made. .NET's GZipStream writes the OS it runs on,
/// hence the header and trailer are written here around a raw deflate stream.
/// </summary>
internal static class DeterministicGzip
{
    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        output.Write(Header);
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            deflate.Write(data);

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.Compute(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)data.Length));
        output.Write(trailer);
        return output.ToArray();
    }
}
