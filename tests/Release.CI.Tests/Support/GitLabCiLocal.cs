using System.Diagnostics;

namespace Release.CI.Tests.Support;

/// <summary>
/// The real gitlab-ci-local (4.73.0; later versions crash on Node 20), installed once into a private folder under the
/// user's cache, plus rsync, which it needs for shell isolation.
/// </summary>
public static class GitLabCiLocal
{
    private const string Version = "4.73.0";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static string Home => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "release-ci-tests", "gitlab-ci-local-" + Version);

    private static string Executable => Path.Combine(Home, "node_modules", ".bin", "gitlab-ci-local");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(Executable))
            {
                Directory.CreateDirectory(Home);
                await File.WriteAllTextAsync(Path.Combine(Home, "package.json"), "{ \"private\": true }\n");
                await RequireAsync(await RunAsync("npm", ["install", "--no-audit", "--no-fund", $"gitlab-ci-local@{Version}"], Home), "npm install gitlab-ci-local");
            }
            if ((await RunAsync("sh", ["-c", "command -v rsync"], Home)).ExitCode != 0)
                await RequireAsync(await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "rsync"], Home), "apt-get install rsync");
        }
        finally { InstallLock.Release(); }
    }

    /// <summary>
    /// Runs the pipeline in <paramref name="repository"/> with the shell executor and artifact isolation. Artifacts are
    /// not copied back into the repository, so a job sees another job's files only through <c>needs:</c>.
    /// </summary>
    public static Task<ProcessResult> RunPipelineAsync(string repository, params string[] extraArguments) =>
        RunAsync(Executable, ["--shell-executor-no-image", "--shell-isolation", "--force-shell-executor", "--max-job-name-padding", "0", "--artifacts-to-source=false", .. extraArguments], repository);

    /// <summary>The jobs <c>--list</c> shows for a pipeline in <paramref name="repository"/> (name to <c>when</c>).</summary>
    public static async Task<Dictionary<string, string>> ListAsync(string repository, params string[] extraArguments)
    {
        var result = await RunAsync(Executable, ["--list", .. extraArguments], repository);
        if (result.ExitCode != 0) throw new InvalidOperationException($"gitlab-ci-local --list failed ({result.ExitCode}):\n{result.Output}");
        var lines = result.Output.Split('\n').SkipWhile(l => !l.StartsWith("name ", StringComparison.Ordinal)).Skip(1);
        string[] when = ["on_success", "on_failure", "manual", "always", "delayed"];
        return lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 3 && when.Contains(f[2]))
            .ToDictionary(f => f[0], f => f[2]);
    }

    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessResult(process.ExitCode, await output + await error);
    }

    private static async Task RequireAsync(ProcessResult result, string what)
    {
        await Task.CompletedTask;
        if (result.ExitCode != 0) throw new InvalidOperationException($"{what} failed ({result.ExitCode}):\n{result.Output}");
    }
}

/// <summary>A finished process: exit code and combined output.</summary>
public sealed record ProcessResult(int ExitCode, string Output);
