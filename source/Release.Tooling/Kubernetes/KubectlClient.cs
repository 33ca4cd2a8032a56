using Release.Tooling.Processes;

namespace Release.Tooling.Kubernetes;

/// <summary>
/// Runs kubectl through <see cref="ProcessRunner"/>. Rendering (<c>create --dry-run=client</c>, <c>kustomize</c>)
/// works offline; <see cref="ApplyAsync"/> needs a cluster.
/// </summary>
public sealed class KubectlClient
{
    private readonly IProcessRunner runner;
    private readonly Action<string>? log;

    /// <summary>Creates a client; <paramref name="log"/> receives command lines (never rendered manifests, which may hold secrets).</summary>
    public KubectlClient(IProcessRunner? runner = null, Action<string>? log = null)
    {
        this.runner = runner ?? new ProcessRunner();
        this.log = log;
    }

    /// <summary>Renders one object as YAML without contacting a cluster.</summary>
    public async Task<string> RenderAsync(KubectlCreateSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await RunAsync(settings.ToArguments(), null, settings.StandardInput, streamOutput: false, ct).ConfigureAwait(false);
        return result.OutputText + "\n";
    }

    /// <summary>Builds a kustomization folder (<c>kubectl kustomize DIR</c>) and returns the YAML.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public async Task<string> KustomizeAsync(string directory, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The kustomization folder '{directory}' does not exist. Pass the folder that holds kustomization.yaml.");
        }
        var result = await RunAsync(["kustomize", directory], null, null, streamOutput: false, ct).ConfigureAwait(false);
        return result.OutputText + "\n";
    }

    /// <summary>Applies manifests to a cluster.</summary>
    public Task<ProcessResult> ApplyAsync(KubectlApplySettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RunAsync(settings.ToArguments(), null, null, streamOutput: true, ct);
    }

    private Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory, string? input, bool streamOutput, CancellationToken ct)
    {
        log?.Invoke("> " + CommandLineFormatter.Format("kubectl", arguments, new SecretMasker([])));
        return runner.RunAsync(new ProcessSpec("kubectl", arguments)
        {
            WorkingDirectory = workingDirectory,
            StandardInput = input,
            OnOutput = streamOutput ? log : null,
        }, ct);
    }
}
