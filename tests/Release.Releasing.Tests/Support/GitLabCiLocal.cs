using System.Diagnostics;

namespace Release.Releasing.Tests.Support;

/// <summary>
/// The real gitlab-ci-local (4.73.0; later versions crash on Node 20), installed once with npm into the same private
/// folder the CI tests use, plus rsync, which it needs for shell isolation. A failed install fails the test with npm's
/// or apt's output: there is no silent skip.
/// </summary>
public static class GitLabCiLocal
{
    private const string Version = "4.73.0";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static string Home => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "release-ci-tests", "gitlab-ci-local-" + Version);

    private static string Executable => Path.Combine(Home, "node_modules", ".bin", "gitlab-ci-local");

    /// <summary>Installs gitlab-ci-local and rsync when missing.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(Executable))
            {
                Directory.CreateDirectory(Home);
                await File.WriteAllTextAsync(Path.Combine(Home, "package.json"), "{ \"private\": true }\n");
                Require(await RunAsync("npm", ["install", "--no-audit", "--no-fund", $"gitlab-ci-local@{Version}"], Home), "npm install gitlab-ci-local");
            }
            if ((await RunAsync("sh", ["-c", "command -v rsync"], Home)).ExitCode != 0)
                Require(await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "rsync"], Home), "apt-get install rsync");
        }
        finally { InstallLock.Release(); }
    }

    /// <summary>
    /// Runs one job of the pipeline in <paramref name="repository"/> with the shell executor and artifact isolation:
    /// the job sees other jobs' files only through <c>needs:</c> (from <c>.gitlab-ci-local/artifacts/JOB/</c>), and its
    /// own artifacts land in <c>.gitlab-ci-local/artifacts/JOB/</c>, not in the repository.
    /// </summary>
    public static Task<JobRun> RunJobAsync(string repository, string job, IReadOnlyDictionary<string, string> variables)
    {
        var arguments = new List<string>
        {
            "--shell-executor-no-image", "--shell-isolation", "--force-shell-executor", "--max-job-name-padding", "0",
            "--artifacts-to-source=false", "--manual", job, "--color=false",
        };
        foreach (var (name, value) in variables) arguments.AddRange(["--variable", $"{name}={value}"]);
        arguments.Add(job);
        return RunAsync(Executable, arguments, repository);
    }

    private static async Task<JobRun> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new JobRun(process.ExitCode, await output + await error);
    }

    private static void Require(JobRun result, string what)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException($"{what} failed ({result.ExitCode}); the production-job test needs it:\n{result.Output}");
    }
}

/// <summary>A finished gitlab-ci-local (or installer) run: exit code and combined output.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output and error.</param>
public sealed record JobRun(int ExitCode, string Output);
