using System.Diagnostics;

namespace Release.Benchmarks;

/// <summary>
/// Warm <c>./build.sh --help</c> against a hello-world .NET console start, both measured here in one run; prints the ratio.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<int> RunAsync(string repositoryRoot)
    {
        var hello = await BuildHelloWorldAsync();
        var buildScript = Path.Combine(Path.GetFullPath(repositoryRoot), "build.sh");
        await RunAsync(buildScript, "--help"); // warm: compiles the build project once if needed
        await RunAsync("dotnet", hello);

        var baseline = await Measurement.MedianAsync(10, () => RunAsync("dotnet", hello));
        var help = await Measurement.MedianAsync(10, () => RunAsync(buildScript, "--help"));
        Console.WriteLine($"hello world (dotnet hello.dll): {Measurement.Format(baseline)}");
        Console.WriteLine($"./build.sh --help (warm):       {Measurement.Format(help)}");
        Console.WriteLine($"ratio:                          {help / baseline,8:0.00}x   goal <= 2x");
        return 0;
    }

    private static async Task<string> BuildHelloWorldAsync()
    {
        var directory = Directory.CreateTempSubdirectory("release-hello-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "hello.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(\"hello\");");
        await RunAsync("dotnet", "build", directory, "-c", "Release", "-o", Path.Combine(directory, "out"), "--nologo", "-v", "quiet");
        return Path.Combine(directory, "out", "hello.dll");
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }
}
