using System.Diagnostics;
using Release.Scanning.Model;

namespace Release.Scanning.Sources.Trivy;

/// <summary>
/// Runs a locally installed <c>trivy</c> against an image archive or an unpacked root file system and reports its
/// findings. When no <c>trivy</c> is on the search path, or it fails, the source reports that it gave no data.
/// </summary>
public sealed class TrivySource : IAdvisorySource
{
    private readonly string _target;
    private readonly TrivyTargetKind _kind;
    private readonly string? _searchPath;
    private readonly Action<string> _log;

    /// <summary>Creates a source that scans <paramref name="target"/>.</summary>
    /// <param name="target">Path of an image archive (docker-archive/OCI tar) or a root file system folder.</param>
    /// <param name="kind">What <paramref name="target"/> is.</param>
    /// <param name="searchPath">PATH value to search for trivy (pass <c>Environment.GetEnvironmentVariable("PATH")</c>).</param>
    /// <param name="log">Receives one line per step; may be null.</param>
    public TrivySource(string target, TrivyTargetKind kind, string? searchPath, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        _target = target;
        _kind = kind;
        _searchPath = searchPath;
        _log = log ?? (_ => { });
    }

    /// <inheritdoc />
    public string Name => $"trivy {_target}";

    /// <inheritdoc />
    public async Task<AdvisorySourceResult> QueryAsync(IReadOnlyList<SoftwareComponent> components, CancellationToken cancellationToken)
    {
        var executable = TrivyExecutableLocator.Find(_searchPath);
        if (executable is null)
        {
            const string reason = "no 'trivy' executable on PATH; install trivy or drop this source";
            _log($"{Name}: NO advisory data ({reason})");
            return AdvisorySourceResult.NoData(Name, reason);
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        _log($"{Name}: running {executable} {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable}: could not be started.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var output = await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var reason = $"trivy exited with code {process.ExitCode}: {LastLine(errors)}";
                _log($"{Name}: NO advisory data ({reason})");
                return AdvisorySourceResult.NoData(Name, reason);
            }

            var findings = TrivyReportParser.Parse(output, $"output of {executable}", Name);
            _log($"{Name}: {findings.Count} finding(s)");
            return AdvisorySourceResult.WithData(Name, findings);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private IEnumerable<string> Arguments() => _kind switch
    {
        TrivyTargetKind.ImageArchive => ["image", "--input", _target, "--format", "json", "--quiet"],
        TrivyTargetKind.RootFileSystem => ["rootfs", _target, "--format", "json", "--quiet"],
        _ => throw new ArgumentOutOfRangeException(nameof(_kind), _kind, "Unknown trivy target kind."),
    };

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no error output)";
}
