using System.Diagnostics;

namespace Release.Testing.Npm;

/// <summary>
/// npm packages the tests use as real tools and validators (Helm 3.6.2, the CycloneDX schemas, Flux's resource schemas,
/// the SARIF Multitool), installed once per exact set into a private folder under the user's cache. A failed install
/// fails the test with npm's output: there is no silent skip.
/// </summary>
public static class NpmPackages
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Installs <paramref name="packages"/> (<c>name@version</c>) when missing; returns the folder holding node_modules.</summary>
    /// <param name="folderName">The cache folder's name, one per tool (e.g. <c>helm-3.6.2</c>).</param>
    /// <param name="packages">Exact versions, so every machine validates against the same thing.</param>
    /// <param name="marker">A file inside the folder that exists once the install succeeded (e.g. node_modules/.bin/helm).</param>
    /// <param name="cancellationToken">Stops waiting for the install lock.</param>
    public static async Task<string> EnsureInstalledAsync(string folderName, string[] packages, string marker, CancellationToken cancellationToken = default)
    {
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "release-ci-tests", folderName);
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(home, marker))) return home;
            Directory.CreateDirectory(home);
            await File.WriteAllTextAsync(Path.Combine(home, "package.json"), "{ \"private\": true }\n", cancellationToken);
            var (exitCode, output) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--save-exact", .. packages], home);
            if (exitCode != 0 || !File.Exists(Path.Combine(home, marker)))
                throw new InvalidOperationException($"npm install {string.Join(' ', packages)} failed ({exitCode}) in {home}:\n{output}");
            return home;
        }
        finally { InstallLock.Release(); }
    }

    /// <summary>Runs a program and returns its exit code with standard output and error together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
