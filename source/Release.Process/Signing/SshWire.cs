using System.Buffers.Binary;
using System.Text;

namespace Release.Process.Signing;

/// <summary>
/// The SSH wire encoding (RFC 4251 section 5) that SSH keys and SSHSIG signatures are made of: big-endian uint32
/// lengths before byte strings. Reading is strict: a length past the end is a format error, never a crash.
/// </summary>
internal ref struct SshWireReader(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _rest = data;

    public readonly bool AtEnd => _rest.IsEmpty;

    public uint ReadUInt32()
    {
        if (_rest.Length < 4) throw new FormatException("truncated (expected a 32-bit length)");
        var value = BinaryPrimitives.ReadUInt32BigEndian(_rest);
        _rest = _rest[4..];
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _rest.Length) throw new FormatException("truncated (a field is longer than the data)");
        var value = _rest[..count];
        _rest = _rest[count..];
        return value;
    }

    public ReadOnlySpan<byte> ReadString() => ReadBytes(checked((int)Math.Min(ReadUInt32(), int.MaxValue)));

    public string ReadText() => Encoding.UTF8.GetString(ReadString());
}

/// <summary>Writes the SSH wire encoding (see <see cref="SshWireReader"/>).</summary>
internal sealed class SshWireWriter
{
    private readonly MemoryStream _stream = new();

    public SshWireWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        return this;
    }

    public SshWireWriter String(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        _stream.Write(length);
        _stream.Write(bytes);
        return this;
    }

    public SshWireWriter String(string text) => String(Encoding.UTF8.GetBytes(text));

    public byte[] ToArray() => _stream.ToArray();
}
