using System.Diagnostics;
using Release.Tooling.Tools;

namespace Release.Testing.GitLab;

/// <summary>
/// The real gitlab-ci-local (4.73.0; later versions crash on Node 20), installed once with npm into a private folder
/// under the user's cache, plus rsync, which it needs for shell isolation. A failed install fails the test with npm's or
/// apt's output: there is no silent skip. The CI generator's tests and the production-job test share it.
/// </summary>
public static class GitLabCiLocal
{
    private const string Version = "4.73.0";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static string Home => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "release-ci-tests", "gitlab-ci-local-" + Version);

    private static string Executable => Path.Combine(Home, "node_modules", ".bin", "gitlab-ci-local");

    // Shell isolation, no container image, artifacts not copied back: a job sees another job's files only through needs:.
    private static readonly string[] Isolated =
        ["--shell-executor-no-image", "--shell-isolation", "--force-shell-executor", "--max-job-name-padding", "0", "--artifacts-to-source=false"];

    /// <summary>Installs gitlab-ci-local and rsync when missing.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(Executable))
            {
                Directory.CreateDirectory(Home);
                await File.WriteAllTextAsync(Path.Combine(Home, "package.json"), "{ \"private\": true }\n", cancellationToken);
                var install = await RunAsync("npm", ["install", "--no-audit", "--no-fund", $"gitlab-ci-local@{Version}"], Home);
                if (install.ExitCode != 0) throw new InvalidOperationException($"npm install gitlab-ci-local@{Version} failed ({install.ExitCode}):\n{install.Output}");
            }
            // A fresh machine has empty package lists: the installer runs apt-get update before it installs.
            await new AptInstaller().EnsureInstalledAsync(["rsync"], cancellationToken);
        }
        finally { InstallLock.Release(); }
    }

    /// <summary>Runs the pipeline in <paramref name="repository"/> (or the jobs named in <paramref name="extraArguments"/>) isolated.</summary>
    public static Task<CiLocalRun> RunPipelineAsync(string repository, params string[] extraArguments) =>
        RunAsync(Executable, [.. Isolated, .. extraArguments], repository);

    /// <summary>
    /// Runs one job, started as if by hand, with <paramref name="variables"/>: its own artifacts land in
    /// <c>.gitlab-ci-local/artifacts/JOB/</c>, not in the repository.
    /// </summary>
    public static Task<CiLocalRun> RunJobAsync(string repository, string job, IReadOnlyDictionary<string, string> variables)
    {
        var arguments = new List<string>(Isolated) { "--manual", job, "--color=false" };
        foreach (var (name, value) in variables) arguments.AddRange(["--variable", $"{name}={value}"]);
        arguments.Add(job);
        return RunAsync(Executable, arguments, repository);
    }

    /// <summary>
    /// Runs gitlab-ci-local in <paramref name="repository"/> isolated, with CI/CD <paramref name="variables"/> and
    /// <paramref name="arguments"/> (job names, <c>--manual JOB</c>, ...). Cancelling kills it and its jobs.
    /// </summary>
    public static Task<CiLocalRun> RunAsync(string repository, IReadOnlyDictionary<string, string> variables, IEnumerable<string> arguments,
        CancellationToken cancellationToken)
    {
        var all = new List<string>(Isolated) { "--color=false" };
        foreach (var (name, value) in variables) all.AddRange(["--variable", $"{name}={value}"]);
        all.AddRange(arguments);
        return RunAsync(Executable, all, repository, cancellationToken);
    }

    /// <summary>
    /// The arguments that make gitlab-ci-local run a merge-request pipeline the way GitLab does (run it with the source
    /// branch checked out): <c>CI_PIPELINE_SOURCE</c> <c>merge_request_event</c>, the <c>CI_MERGE_REQUEST_*</c> variables
    /// of the request, and no <c>CI_COMMIT_BRANCH</c> (GitLab sets none in merge-request pipelines; gitlab-ci-local would
    /// otherwise set it from the checked-out branch, so rules on it would match as if it were a push).
    /// </summary>
    public static string[] MergeRequest(string sourceBranch, string targetBranch, int iid = 1) =>
    [
        "--variable", "CI_PIPELINE_SOURCE=merge_request_event", "--ignore-predefined-vars", "CI_PIPELINE_SOURCE",
        "--variable", $"CI_MERGE_REQUEST_IID={iid}", "--variable", "CI_MERGE_REQUEST_EVENT_TYPE=detached",
        "--variable", $"CI_MERGE_REQUEST_SOURCE_BRANCH_NAME={sourceBranch}", "--variable", $"CI_MERGE_REQUEST_TARGET_BRANCH_NAME={targetBranch}",
        "--unset-variable", "CI_COMMIT_BRANCH",
    ];

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

    private static async Task<CiLocalRun> RunAsync(string file, IEnumerable<string> arguments, string directory, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CiLocalRun(process.ExitCode, await output + await error);
    }
}

/// <summary>A finished gitlab-ci-local run: exit code and combined output.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output and error.</param>
public sealed record CiLocalRun(int ExitCode, string Output)
{
    /// <summary>Each job's outcome from the run's closing summary (<c>PASS</c>, <c>FAIL</c>, <c>WARN</c>, ...), by job name.</summary>
    public IReadOnlyDictionary<string, string> Jobs => Output.Split('\n')
        .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\s*(PASS|FAIL|WARN|SKIP)\s+(\S+)"))
        .Where(m => m.Success)
        .GroupBy(m => m.Groups[2].Value)
        .ToDictionary(g => g.Key, g => g.Last().Groups[1].Value);
}
