using System.Diagnostics;

namespace Release.Testing.Git;

/// <summary>
/// Runs the real git CLI for the test fixtures. Deliberately independent of Release.Tooling, so the fixtures
/// stay a trustworthy oracle for tests of the Release.Tooling git wrappers.
/// </summary>
public static class GitCli
{
    /// <summary>
    /// Runs <c>git ARGS</c> in <paramref name="workingDirectory"/> and returns trimmed standard output.
    /// Throws <see cref="InvalidOperationException"/> with the command and its stderr on a non-zero exit.
    /// </summary>
    public static async Task<string> RunAsync(string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // Fixtures must not depend on the machine's git config or prompt for anything.
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("git did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', startInfo.ArgumentList)} failed with exit code {process.ExitCode} in {workingDirectory}:\n{await error}");
        }
        return (await output).Trim();
    }
}
