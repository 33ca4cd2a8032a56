using Release.Engine;
using System.Text;
using Release.Process.Signing;
using Release.Releasing.Common;
using Release.Tooling.Processes;

namespace Release.Releasing.Records;

/// <summary>
/// Signs with a private key file through OpenSSH's own <c>ssh-keygen -Y sign</c> (Debian's openssh-client), so the
/// key never enters this process and every key format OpenSSH reads works. The key file's path is the only thing
/// passed; the key itself is never logged, recorded or copied.
/// </summary>
internal sealed class SshKeygenSigner : IMessageSigner
{
    private readonly string _keyFile;
    private readonly IProcessRunner _runner;

    private SshKeygenSigner(string keyFile, SshPublicKey publicKey, IProcessRunner runner)
    {
        _keyFile = keyFile;
        _runner = runner;
        PublicKey = publicKey;
    }

    /// <inheritdoc />
    public SshPublicKey PublicKey { get; }

    /// <summary>Opens the key: its public half from <c>KEY.pub</c>, else derived with <c>ssh-keygen -y</c>.</summary>
    /// <exception cref="ReleaseRefusedException">No such file, or not a usable key; the message names --signing-key.</exception>
    public static async Task<SshKeygenSigner> OpenAsync(string keyFile, IProcessRunner runner, CancellationToken ct)
    {
        if (!File.Exists(keyFile))
            throw new BuildInputException($"--signing-key: no key file at '{keyFile}'. Pass your private SSH key file (e.g. ~/.ssh/id_ed25519); in " +
                "CI, the job key's secret file variable.");
        string line;
        if (File.Exists(keyFile + ".pub"))
            line = await File.ReadAllTextAsync(keyFile + ".pub", ct).ConfigureAwait(false);
        else
        {
            var result = await runner.RunAsync(new ProcessSpec("ssh-keygen", ["-y", "-P", "", "-f", keyFile]) { AllowNonZeroExit = true }, ct)
                .ConfigureAwait(false);
            if (result.ExitCode != 0)
                throw new BuildInputException($"--signing-key: '{keyFile}' is not a private SSH key ssh-keygen can read without a passphrase. Use " +
                    "an unencrypted key file (in CI, a secret file variable).");
            line = result.OutputText;
        }
        try { return new SshKeygenSigner(keyFile, SshPublicKey.Parse(line, $"--signing-key {keyFile}"), runner); }
        catch (FormatException e) { throw new ReleaseRefusedException(e.Message, e); }
    }

    /// <inheritdoc />
    public async Task<string> SignAsync(ReadOnlyMemory<byte> message, string @namespace, CancellationToken ct)
    {
        // No file arguments: ssh-keygen signs standard input and writes the armored signature to standard output.
        var result = await _runner.RunAsync(new ProcessSpec("ssh-keygen", ["-Y", "sign", "-q", "-f", _keyFile, "-n", @namespace])
        {
            StandardInput = Encoding.UTF8.GetString(message.Span), AllowNonZeroExit = true,
        }, ct).ConfigureAwait(false);
        var armored = string.Join('\n', result.Output.SkipWhile(l => !l.StartsWith("-----BEGIN SSH SIGNATURE", StringComparison.Ordinal)));
        if (result.ExitCode != 0 || armored.Length == 0)
            throw new ReleaseRefusedException(
                $"--signing-key: ssh-keygen could not sign with '{_keyFile}' (exit {result.ExitCode}). Check that it is an unencrypted private key.");
        return armored + "\n";
    }
}
