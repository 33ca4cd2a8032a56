namespace Release.Process.Signing;

/// <summary>
/// Makes SSH signatures (SSHSIG, armored) with one private key. The rules only ever see the signature and the public
/// key; how the private key is used (an <c>ssh-keygen -Y sign</c> process, an agent, a test key) is the implementation's.
/// </summary>
public interface IMessageSigner
{
    /// <summary>The public half of the key that signs.</summary>
    SshPublicKey PublicKey { get; }

    /// <summary>Signs <paramref name="message"/> in <paramref name="namespace"/>.</summary>
    /// <returns>The armored SSHSIG text.</returns>
    Task<string> SignAsync(ReadOnlyMemory<byte> message, string @namespace, CancellationToken ct);
}
