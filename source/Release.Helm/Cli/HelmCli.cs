using Release.Tooling.Processes;
using Release.Tooling.Tools;

namespace Release.Helm.Cli;

/// <summary>
/// Runs helm commands built by <see cref="HelmArguments"/> through the shared process runner. helm must be on PATH
/// (it is not packaged in Debian); <see cref="ToolLocator"/> raises a clear error with install instructions otherwise.
/// </summary>
public sealed class HelmCli
{
    private readonly IProcessRunner _runner;
    private readonly ToolLocator _locator;
    private readonly Action<string>? _onOutput;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="runner">Runs processes.</param>
    /// <param name="locator">Finds the helm executable.</param>
    /// <param name="onOutput">Receives helm's output lines, already masked.</param>
    public HelmCli(IProcessRunner runner, ToolLocator locator, Action<string>? onOutput = null)
    {
        _runner = runner;
        _locator = locator;
        _onOutput = onOutput;
    }

    /// <summary>Runs <c>helm upgrade --install</c>; secret <c>--set</c> values are masked in all output.</summary>
    public Task<ProcessResult> UpgradeInstallAsync(HelmUpgradeSettings settings, CancellationToken cancellationToken = default)
        => RunAsync(HelmArguments.Upgrade(settings), settings.SetValues.Where(v => v.IsSecret).Select(v => v.Value).ToList(),
            settings.Timeout, cancellationToken);

    /// <summary>Runs <c>helm rollback</c>.</summary>
    public Task<ProcessResult> RollbackAsync(HelmRollbackSettings settings, CancellationToken cancellationToken = default)
        => RunAsync(HelmArguments.Rollback(settings), [], settings.Timeout, cancellationToken);

    /// <summary>Runs <c>helm push</c>.</summary>
    public Task<ProcessResult> PushAsync(HelmPushSettings settings, CancellationToken cancellationToken = default)
        => RunAsync(HelmArguments.Push(settings), [], TimeSpan.FromMinutes(10), cancellationToken);

    /// <summary>The process spec for a helm invocation; public so callers and tests can see exactly what would run.</summary>
    public static ProcessSpec CreateSpec(
        string helmPath, IReadOnlyList<string> arguments, IReadOnlyCollection<string> secrets, TimeSpan helmTimeout, Action<string>? onOutput)
        => new(helmPath, arguments)
        {
            Secrets = secrets,
            // helm enforces its own --timeout; the process limit is a backstop for a hung helm, so it allows a minute more.
            Timeout = helmTimeout + TimeSpan.FromMinutes(1),
            OnOutput = onOutput,
        };

    private async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyCollection<string> secrets, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var helm = await _locator.FindAsync(KnownTools.Helm, cancellationToken).ConfigureAwait(false);
        return await _runner.RunAsync(CreateSpec(helm, arguments, secrets, timeout, _onOutput), cancellationToken).ConfigureAwait(false);
    }
}
