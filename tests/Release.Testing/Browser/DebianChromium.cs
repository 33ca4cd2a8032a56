using Release.Tooling.Tools;

namespace Release.Testing.Browser;

/// <summary>
/// Debian's chromium, installed by the tests' set-up (apt-get) when missing: the real headless browser that page tests
/// drive (Playwright's own browser download cannot work without internet, so it is pointed at this executable). A
/// failed install fails the test with apt's output: there is no silent skip.
/// </summary>
public static class DebianChromium
{
    /// <summary>The executable Debian's package installs.</summary>
    public const string Executable = "/usr/bin/chromium";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Installs chromium when missing; returns its path.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(Executable)) await new AptInstaller().EnsureInstalledAsync(["chromium"], cancellationToken);
            if (!File.Exists(Executable))
                throw new InvalidOperationException($"apt-get installed chromium but {Executable} does not exist: the page tests need Debian's chromium there.");
            return Executable;
        }
        finally { InstallLock.Release(); }
    }
}
