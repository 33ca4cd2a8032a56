namespace Release.Tooling.Processes;

/// <summary>
/// Starts external processes. <see cref="ProcessRunner"/> is the real one; the interface is the seam where a stage's
/// process runner (a per-run build service) can be replaced, e.g. by a test that records or refuses commands.
/// </summary>
public interface IProcessRunner
{
    /// <summary>Runs <paramref name="spec"/> to completion and returns its exit code and output (see <see cref="ProcessRunner.RunAsync"/>).</summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default);
}
