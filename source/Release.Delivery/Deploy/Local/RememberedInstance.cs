using System.Diagnostics;
using Release.Containers.Running;
using Release.Tooling.Processes;

namespace Release.Delivery.Deploy.Local;

/// <summary>An instance an earlier run left running (<c>--keep-running</c>), known only by its state file: it can be stopped.</summary>
internal sealed class RememberedInstance(LocalInstanceState state, IProcessRunner processes, Action<string> log)
    : LocalInstance(state.Url, $"{state.Kind} {state.Id} (left running by an earlier run)")
{
    public override async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        if (state.Kind == "process")
        {
            using var process = FindProcess();
            return process is not null;
        }
        try
        {
            return (await (await RunnerAsync(ct).ConfigureAwait(false)).InspectAsync(state.Id, ct).ConfigureAwait(false)).Running;
        }
        catch (ContainerRunException)
        {
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        if (state.Kind != "process")
        {
            await (await RunnerAsync(ct).ConfigureAwait(false)).RemoveAsync(state.Id, ct).ConfigureAwait(false);
            return;
        }
        using var process = FindProcess();
        if (process is null) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
    }

    public override Task<IReadOnlyList<string>> RecentOutputAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    public override LocalInstanceState ToState() => state;

    private async Task<ContainerRunner> RunnerAsync(CancellationToken ct) => state.Kind == "docker"
        ? await ContainerRunner.CreateDockerAsync(processes, log, cancellationToken: ct).ConfigureAwait(false)
        : await ContainerRunner.CreatePodmanAsync(processes, log, cancellationToken: ct).ConfigureAwait(false);

    // Process ids are reused: only a process still running the recorded program is ours to stop.
    private System.Diagnostics.Process? FindProcess()
    {
        if (!int.TryParse(state.Id, out var pid)) return null;
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return state.Program is not null && commandLine.Contains(state.Program, StringComparison.Ordinal)
                ? System.Diagnostics.Process.GetProcessById(pid)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
