using System.Diagnostics;
using System.Text;

namespace Release.Oci.Server;

/// <summary>
/// Finds Debian's <c>docker-registry</c> executable and installs the package with apt-get when it is missing.
/// (Release.Tooling will own a general apt installer; this stays small so Release.Oci keeps no references.)
/// </summary>
internal static class RegistryInstaller
{
    public const string Package = "docker-registry";

    /// <summary>The full path of <c>docker-registry</c> on PATH (or in /usr/bin), or null.</summary>
    public static string? FindExecutable()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin");
        return directories.Select(d => Path.Combine(d, Package)).FirstOrDefault(File.Exists);
    }

    public static async Task<string> EnsureInstalledAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (FindExecutable() is { } existing)
        {
            return existing;
        }

        log($"{Package} is missing; installing it with apt-get");
        var install = await AptGetAsync(["install", "-y", "--no-install-recommends", Package], cancellationToken).ConfigureAwait(false);
        if (install.ExitCode != 0 && install.Output.Contains("Unable to locate package", StringComparison.Ordinal))
        {
            // A fresh machine has no package lists yet.
            await AptGetAsync(["update"], cancellationToken).ConfigureAwait(false);
            install = await AptGetAsync(["install", "-y", "--no-install-recommends", Package], cancellationToken).ConfigureAwait(false);
        }

        if (install.ExitCode != 0 || FindExecutable() is not { } installed)
        {
            throw new InvalidOperationException(
                $"could not install {Package} (apt-get exit code {install.ExitCode}). Run as root: " +
                $"'apt-get update && apt-get install -y --no-install-recommends {Package}'. apt-get said: {Tail(install.Output)}");
        }

        log($"{Package} installed at {installed}");
        return installed;
    }

    private static async Task<(int ExitCode, string Output)> AptGetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Wait for a concurrent apt/dpkg run instead of failing on its lock; never ask questions.
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("DPkg::Lock::Timeout=600");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)
                            ?? throw new InvalidOperationException("could not start apt-get; is this a Debian machine?");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        output.Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false));
        return (process.ExitCode, output.ToString());
    }

    private static string Tail(string text) => text.Length <= 1500 ? text : "…" + text[^1500..];
}
