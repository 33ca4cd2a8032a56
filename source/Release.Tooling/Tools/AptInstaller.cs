using System.Text.RegularExpressions;
using Release.Tooling.Processes;

namespace Release.Tooling.Tools;

/// <summary>
/// Installs Debian packages that are missing, so test set-ups and pipelines can bring their own tools.
/// Idempotent: installed packages are left alone; <c>apt-get update</c> runs at most once per instance,
/// and only when something must be installed.
/// </summary>
public sealed partial class AptInstaller
{
    // Other processes on the machine may hold the dpkg lock; wait for it instead of failing at once.
    private const string LockTimeoutSeconds = "600";

    private readonly IProcessRunner _runner;
    private readonly Action<string>? _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _updated;

    /// <summary>Creates an installer that runs apt through <paramref name="runner"/> and reports to <paramref name="log"/>.</summary>
    public AptInstaller(IProcessRunner? runner = null, Action<string>? log = null)
    {
        _runner = runner ?? new ProcessRunner();
        _log = log;
    }

    /// <summary>Installs those of <paramref name="debianPackages"/> that are not installed yet.</summary>
    /// <exception cref="ArgumentException">A name is not a valid Debian package name.</exception>
    /// <exception cref="InvalidOperationException">apt-get failed; the message holds the command to run by hand.</exception>
    public async Task EnsureInstalledAsync(IEnumerable<string> debianPackages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(debianPackages);
        var packages = debianPackages.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var package in packages)
        {
            if (!PackageName().IsMatch(package))
            {
                throw new ArgumentException(
                    $"'{package}' is not a Debian package name (lower-case letters, digits, '+', '-', '.'). Fix the name passed to " +
                        "EnsureInstalledAsync.",
                    nameof(debianPackages));
            }
        }
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var missing = new List<string>();
            foreach (var package in packages)
            {
                if (!await IsInstalledAsync(package, ct).ConfigureAwait(false))
                {
                    missing.Add(package);
                }
            }
            if (missing.Count == 0)
            {
                return;
            }
            _log?.Invoke($"Installing Debian packages: {string.Join(' ', missing)}");
            if (!_updated)
            {
                await AptGetAsync(["update"], missing, ct).ConfigureAwait(false);
                _updated = true;
            }
            await AptGetAsync(["install", "-y", "--no-install-recommends", .. missing], missing, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Returns the path of <paramref name="tool"/>, installing its Debian package first when it is missing.</summary>
    /// <exception cref="ToolNotFoundException">It is missing and Debian has no package for it.</exception>
    public async Task<string> EnsureToolAsync(ToolInfo tool, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var locator = new ToolLocator();
        if (await locator.TryFindAsync(tool, ct).ConfigureAwait(false) is { } found)
        {
            return found;
        }
        if (!tool.HasDebianPackage)
        {
            throw new ToolNotFoundException(tool.Executable, tool.InstallHint);
        }
        await EnsureInstalledAsync([tool.DebianPackage], ct).ConfigureAwait(false);
        return await locator.FindAsync(tool, ct).ConfigureAwait(false);
    }

    /// <summary>True when dpkg reports <paramref name="package"/> as fully installed.</summary>
    public async Task<bool> IsInstalledAsync(string package, CancellationToken ct = default)
    {
        var result = await _runner.RunAsync(
            new ProcessSpec("dpkg-query", ["-W", "-f=${Status}", package]) { AllowNonZeroExit = true }, ct).ConfigureAwait(false);
        return result.ExitCode == 0 && result.OutputText.Trim().EndsWith("install ok installed", StringComparison.Ordinal);
    }

    private async Task AptGetAsync(IReadOnlyList<string> command, IReadOnlyList<string> packages, CancellationToken ct)
    {
        var spec = new ProcessSpec("apt-get", ["-o", $"DPkg::Lock::Timeout={LockTimeoutSeconds}", "-q", .. command])
        {
            Environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" },
            OnOutput = _log,
        };
        try
        {
            await _runner.RunAsync(spec, ct).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            throw new InvalidOperationException(
                $"Could not install Debian packages {string.Join(", ", packages)}: 'apt-get {string.Join(' ', command)}' failed " +
                $"(exit code {e.ExitCode}). Installing needs root and a reachable Debian mirror; to fix, run as root: " +
                $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', packages)}\n{e.Message}", e);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex PackageName();
}
