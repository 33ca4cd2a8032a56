using System.Diagnostics;

namespace Release.Benchmarks;

/// <summary>
/// Warm <c>./build.sh --help</c> against a hello-world .NET console start, both measured here in one run; prints the ratio.
/// The two alternate run by run, so a busy moment on a shared machine weighs on both sides alike.
/// </summary>
public static class StartupBenchmark
{
    private const int Runs = 21;

    public static async Task<int> RunAsync(string repositoryRoot)
    {
        var hello = await BuildHelloWorldAsync();
        var root = Path.GetFullPath(repositoryRoot);
        var buildScript = Path.Combine(root, "build.sh");
        var compiledBuild = Path.Combine(root, ".nuke", "temp", "bin", "_build.dll");
        await RunAsync(buildScript, "--help"); // warm: compiles the build project once if needed
        await RunAsync("dotnet", hello);

        var baseline = new List<TimeSpan>();
        var help = new List<TimeSpan>();
        var direct = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            baseline.Add(await TimeAsync("dotnet", hello));
            help.Add(await TimeAsync(buildScript, "--help"));
            direct.Add(await TimeAsync("dotnet", compiledBuild, "--help", "--root", root));
        }
        var (baselineMedian, helpMedian, directMedian) = (Measurement.Median(baseline), Measurement.Median(help), Measurement.Median(direct));
        Console.WriteLine($"medians of {Runs} alternating runs:");
        Console.WriteLine($"hello world (dotnet hello.dll): {Measurement.Format(baselineMedian)}");
        Console.WriteLine($"./build.sh --help (warm):       {Measurement.Format(helpMedian)}");
        Console.WriteLine($"  of which the compiled build:  {Measurement.Format(directMedian)}   (dotnet .nuke/temp/bin/_build.dll --help, no bootstrap)");
        Console.WriteLine($"ratio:                          {helpMedian / baselineMedian,8:0.00}x   goal <= 2x");
        Console.WriteLine($"methods JIT-compiled by one --help: {await JitCompiledAsync(compiledBuild, root)} (the rest runs precompiled, ReadyToRun)");
        return 0;
    }

    // The runtime's own list of what it JIT-compiled (DOTNET_JitStdOutFile), one line a method: what start-up work
    // precompiled code does not cover, and where to look first when the ratio grows.
    private static async Task<int> JitCompiledAsync(string compiledBuild, string root)
    {
        var list = Path.GetTempFileName();
        try
        {
            var environment = new Dictionary<string, string> { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = list };
            await RunAsync("dotnet", environment, compiledBuild, "--help", "--root", root);
            return (await File.ReadAllLinesAsync(list)).Count(line => line.Contains("JIT compiled", StringComparison.Ordinal));
        }
        finally { File.Delete(list); }
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

    private static async Task<TimeSpan> TimeAsync(string fileName, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync(fileName, arguments);
        return clock.Elapsed;
    }

    private static Task RunAsync(string fileName, params string[] arguments) => RunAsync(fileName, new Dictionary<string, string>(), arguments);

    private static async Task RunAsync(string fileName, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }
}
