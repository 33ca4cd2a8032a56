using System.Text.Json;
using Release.Containers.Running;
using Release.Engine;
using Release.Tooling.Processes;

namespace Release.Delivery.Deploy.Local;

/// <summary>One place where what runs locally is not what the local deployer started.</summary>
/// <param name="Module">The module.</param>
/// <param name="Field">What differs, e.g. <c>podman container director-local-1a2b image</c>.</param>
/// <param name="Expected">What the deployer started.</param>
/// <param name="Found">What runs now.</param>
/// <param name="Repair">The command that puts the deployed instance back.</param>
public sealed record LocalRuntimeDifference(string Module, string Field, string Expected, string Found, string Repair);

/// <summary>
/// Runtime drift of the local deployer: the instances it left running (<c>--keep-running</c>; remembered in
/// <c>.nuke/temp/deploy/MODULE-ENV.json</c>) against what actually runs — the container of that name (inspected with
/// podman or docker: its id, image and state) or the process (its id still running the deployed program). A container
/// removed, stopped, or replaced by hand under the same name (another id, another image) is a difference. Instances
/// the deployer stopped with its run leave no state, so nothing is expected of them.
/// </summary>
public static class LocalRuntimeCheck
{
    /// <summary>Every difference in <paramref name="environment"/> of <paramref name="build"/>'s local deployments.</summary>
    /// <param name="build">The build (its deployer state folder and process runner).</param>
    /// <param name="environment">The local environment.</param>
    /// <param name="ct">Cancellation.</param>
    public static Task<IReadOnlyList<LocalRuntimeDifference>> DifferencesAsync(IDeploy build, string environment, CancellationToken ct) =>
        DifferencesAsync(build.LocalStateDirectory, environment, build.Processes, build.Log.Information, ct);

    internal static async Task<IReadOnlyList<LocalRuntimeDifference>> DifferencesAsync(
        AbsolutePath stateDirectory,
        string environment,
        IProcessRunner processes,
        Action<string> log,
        CancellationToken ct)
    {
        var differences = new List<LocalRuntimeDifference>();
        if (!Directory.Exists(stateDirectory)) return differences;
        var suffix = $"-{environment}.json";
        foreach (var file in Directory.GetFiles(stateDirectory, "*" + suffix).Order(StringComparer.Ordinal))
        {
            LocalInstanceState? state;
            try { state = JsonSerializer.Deserialize<LocalInstanceState>(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)); }
            catch (JsonException) { continue; } // a damaged state file names no instance to compare
            if (state is null) continue;
            var module = Path.GetFileName(file)[..^suffix.Length];
            var repair = $"./build.sh Undeploy --environment {environment} && ./build.sh Deploy --environment {environment} --keep-running";
            LocalRuntimeDifference Difference(string field, string expected, string found) =>
                new(
                    module,
                    $"{state.Kind} {(state.Kind == "process" ? "" : "container ")}{state.Id} {field}".Replace("  ", " ", StringComparison.Ordinal),
                    expected,
                    found,
                    repair);

            if (state.Kind == "process")
            {
                if (!await new RememberedInstance(state, processes, log).IsRunningAsync(ct).ConfigureAwait(false))
                    differences.Add(Difference("program", $"dotnet {state.Program} running", "(no such process)"));
                continue;
            }
            var runner = state.Kind == "docker"
                ? await ContainerRunner.CreateDockerAsync(processes, log, cancellationToken: ct).ConfigureAwait(false)
                : await ContainerRunner.CreatePodmanAsync(processes, log, cancellationToken: ct).ConfigureAwait(false);
            ContainerState live;
            try { live = await runner.InspectAsync(state.Id, ct).ConfigureAwait(false); }
            catch (ContainerRunException)
            {
                differences.Add(Difference("state", "running", "(no such container)"));
                continue;
            }
            if (state.ContainerId is { } id && live.Id != id)
                differences.Add(Difference("id", id, $"{live.Id} (replaced by hand)"));
            if (state.Image is { } image && !SameImage(image, live.Image))
                differences.Add(Difference("image", image, live.Image));
            if (!live.Running)
                differences.Add(Difference("state", "running", $"{live.Status} (exit code {live.ExitCode})"));
        }
        return differences;
    }

    // podman may show an image pulled by digest with the registry's host normalised; the digest decides.
    private static bool SameImage(string expected, string live)
    {
        if (string.Equals(expected, live, StringComparison.Ordinal)) return true;
        var at = expected.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && live.EndsWith(expected[at..], StringComparison.Ordinal);
    }
}
