using System.Text.Json;
using Release.Containers.Builders;
using Release.Tooling.Processes;

namespace Release.Containers.Tests.Support;

/// <summary>
/// The test assembly's own Main (the test SDK's generated empty one is switched off in the project file), so a test
/// can run library code in a second process: <c>dotnet Release.Containers.Tests.dll app-image SETTINGS.json</c>.
/// That is how reproducibility is checked across processes, not only across calls.
/// </summary>
public static class ChildProcessEntryPoint
{
    private const string AppImageCommand = "app-image";

    public static async Task<int> Main(string[] args)
    {
        if (args is [AppImageCommand, var settingsFile])
        {
            var settings = JsonSerializer.Deserialize<AppImageSettings>(await File.ReadAllTextAsync(settingsFile))!;
            var result = await new AppImageBuilder(Console.Error.WriteLine).BuildAsync(settings);
            Console.WriteLine(result.ManifestDigest);
            return 0;
        }
        await Console.Error.WriteLineAsync($"usage: {AppImageCommand} SETTINGS.json (the test assembly runs as a helper process only)");
        return 2;
    }

    /// <summary>Builds the app image in a fresh process; returns the manifest digest it printed.</summary>
    public static async Task<string> BuildAppImageAsync(AppImageSettings settings, string scratchDirectory)
    {
        var settingsFile = Path.Combine(scratchDirectory, $"app-image-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(settings));
        var assembly = typeof(ChildProcessEntryPoint).Assembly.Location;
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var result = await new ProcessRunner().RunAsync(new ProcessSpec(dotnet, ["exec", assembly, AppImageCommand, settingsFile])
        {
            Timeout = TimeSpan.FromMinutes(5),
            OnOutput = TestLog.Write,
        });
        return result.Output.Last(l => l.StartsWith("sha256:", StringComparison.Ordinal));
    }
}
