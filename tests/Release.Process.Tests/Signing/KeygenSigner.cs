using System.Text;
using Release.Process.Signing;
using Release.Testing.Signing;

namespace Release.Process.Tests.Signing;

/// <summary>Signs as a person or job would: OpenSSH's own <c>ssh-keygen -Y sign</c> with a real key file.</summary>
internal sealed class KeygenSigner(SshTestKeys keys, string name, string type = "ed25519") : IMessageSigner
{
    public SshPublicKey PublicKey { get; } = SshPublicKey.Parse(keys.PublicKey(name, type), name);

    public Task<string> SignAsync(ReadOnlyMemory<byte> message, string @namespace, CancellationToken ct) =>
        Task.FromResult(SshTestKeys.Run("ssh-keygen", ["-Y", "sign", "-q", "-f", keys.PrivateKey(name, type), "-n", @namespace], Encoding.UTF8.GetString(message.Span)));
}
