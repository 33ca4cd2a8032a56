using System.Diagnostics;
using Release.Engine;
using Release.Engine.Hosting;

namespace Release.Benchmarks;

/// <summary>Plans and runs 2,001 no-op targets shaped like 200 modules, in-process; reports time and memory.</summary>
public static class EngineBenchmark
{
    public static async Task<int> RunAsync()
    {
        var root = Directory.CreateTempSubdirectory("release-bench-").FullName;
        var options = new BuildHostOptions { RootDirectory = root, Environment = new Dictionary<string, string>(), Output = TextWriter.Null, Interactive = false, WriteSchema = false };

        await BuildHost.RunAsync<TwoHundredModules>(["All", "--plan"], null, options); // warm-up: JIT and reflection caches
        var plan = await Measurement.MedianAsync(5, () => BuildHost.RunAsync<TwoHundredModules>(["All", "--plan"], null, options));
        var run = await Measurement.MedianAsync(5, () => BuildHost.RunAsync<TwoHundredModules>(["All"], null, options));
        var serial = await Measurement.MedianAsync(5, () => BuildHost.RunAsync<TwoHundredModules>(["All", "--max-parallel", "1"], null, options));
        var graph = await BuildHost.InspectAsync<TwoHundredModules>(options);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

        Console.WriteLine($"targets:                         {graph.Targets.Count}");
        Console.WriteLine($"load + plan (--plan):          {Measurement.Format(plan)}");
        Console.WriteLine($"load + plan + run (parallel):  {Measurement.Format(run)}   goal < 1000 ms");
        Console.WriteLine($"load + plan + run (serial):    {Measurement.Format(serial)}   parallel/serial = {run / serial:0.00}");
        Console.WriteLine($"peak working set:              {peak,8:0.0} MB   goal < 200 MB");
        Directory.Delete(root, recursive: true);
        return 0;
    }
}
