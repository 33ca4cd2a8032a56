using System.Diagnostics;

namespace Release.Testing.Signing;

/// <summary>
/// Real SSH key pairs made with OpenSSH's <c>ssh-keygen</c> (Debian's openssh-client) in a temporary folder, one per
/// name, as a person or a CI job would have them: <c>NAME</c> (private, unencrypted) and <c>NAME.pub</c>.
/// </summary>
public sealed class SshTestKeys : IDisposable
{
    private readonly TempDirectory _folder = new("ssh-keys");
    private readonly Dictionary<string, string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>The private key file of <paramref name="name"/>, made on first use (<c>ssh-keygen -t ed25519</c> by default).</summary>
    public string PrivateKey(string name, string type = "ed25519")
    {
        lock (_lock)
        {
            if (_keys.TryGetValue(name, out var existing)) return existing;
            var file = _folder.Combine(string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + "-" + type);
            string[] size = type == "ecdsa" ? ["-b", "256"] : [];
            Run("ssh-keygen", ["-q", "-t", type, .. size, "-N", "", "-C", name, "-f", file]);
            return _keys[name] = file;
        }
    }

    /// <summary>The public key line of <paramref name="name"/> (<c>ssh-ed25519 AAAA... name</c>).</summary>
    public string PublicKey(string name, string type = "ed25519") => File.ReadAllText(PrivateKey(name, type) + ".pub").Trim();

    /// <summary>Runs <c>ssh-keygen</c> (or another tool) and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string tool, IReadOnlyList<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
        return output.Result;
    }

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();
}
