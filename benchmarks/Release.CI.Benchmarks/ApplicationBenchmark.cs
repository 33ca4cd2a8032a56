using System.Diagnostics;
using Release.Engine;
using Release.Engine.Hosting;

namespace Release.CI.Benchmarks;

/// <summary>
/// Plans and generates both CI files for <see cref="ApplicationOfModules"/> (200 modules, 1,400+ targets) in this
/// process, against the goal (1 s, 200 MB) and against the hand-written 200-module graph of <see cref="ModuleGraph"/>
/// generated in the same run (the baseline).
/// </summary>
public static class ApplicationBenchmark
{
    private const double GoalMilliseconds = 1000;
    private const double GoalMegabytes = 200;

    public static async Task RunAsync(string? writeTo)
    {
        var root = Directory.CreateTempSubdirectory("release-app-bench-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".nuke"));
            ApplicationOfModules.WriteRepository(root);
            var options = new BuildHostOptions { RootDirectory = root, Environment = new Dictionary<string, string>(), Output = TextWriter.Null, Interactive = false, WriteSchema = false };
            var configuration = ((IContinuousIntegration)new ApplicationOfModules()).Ci;

            var parts = new double[3];
            async Task<(int Targets, int Bytes)> PlanAndGenerate()
            {
                var clock = Stopwatch.StartNew();
                var exit = await BuildHost.RunAsync<ApplicationOfModules>(["Integrate", "--plan"], null, options);
                if (exit != 0) throw new InvalidOperationException($"planning the application failed with exit code {exit}");
                parts[0] += clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var graph = await BuildHost.InspectAsync<ApplicationOfModules>(options);
                parts[1] += clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var files = CiFiles.Generate(graph, configuration, nameof(ApplicationOfModules));
                parts[2] += clock.Elapsed.TotalMilliseconds;
                if (writeTo is not null) foreach (var file in files) File.WriteAllText(Path.Combine(writeTo, "application-" + file.RelativePath), file.Content);
                return (graph.Targets.Count, files.Sum(f => f.Content.Length));
            }

            var (targets, bytes) = await PlanAndGenerate(); // warm-up: JIT and reflection caches
            writeTo = null;
            var (baselineGraph, baselineConfiguration) = ModuleGraph.Create(200);
            CiFiles.Generate(baselineGraph, baselineConfiguration, "ModuleBuild");

            Array.Clear(parts);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var times = new List<double>();
            var cpu = new List<double>();
            var baseline = new List<double>();
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            for (var run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                await PlanAndGenerate();
                times.Add(clock.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                clock.Restart();
                CiFiles.Generate(baselineGraph, baselineConfiguration, "ModuleBuild");
                baseline.Add(clock.Elapsed.TotalMilliseconds);
            }
            var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 5.0 / (1024 * 1024);
            var sections = new GenerationSections();
            var sectionGraph = await BuildHost.InspectAsync<ApplicationOfModules>(options);
            for (var run = 0; run < 3; run++) sections.Run(sectionGraph, configuration, nameof(ApplicationOfModules));
            times.Sort();
            cpu.Sort();
            baseline.Sort();
            var median = times[2];
            var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

            Console.WriteLine($"application of {ApplicationOfModules.ModuleCount} modules: {targets} targets, {bytes / 1024} KiB of YAML");
            Console.WriteLine($"  check + load + --plan + load + generate GitLab and Azure: median {median,7:F1} ms; ratio to the 1 s goal {median / GoalMilliseconds:0.00}");
            Console.WriteLine($"  processor time of the process per run (all threads, less sensitive to other load): median {cpu[2],7:F1} ms");
            Console.WriteLine($"    of which (mean) check + load + --plan {parts[0] / 5,7:F1} ms, load for generation {parts[1] / 5,7:F1} ms, generation {parts[2] / 5,7:F1} ms");
            Console.WriteLine("    generation by section (mean of 3 runs after them):");
            sections.Print();
            Console.WriteLine($"  baseline (hand-written 200-module graph, generation only): median {baseline[2],7:F1} ms; application/baseline {median / baseline[2]:0.00}");
            Console.WriteLine($"  allocated per run {allocatedPerRun,6:F1} MB; peak working set {peak,6:F1} MB; ratio to the 200 MB goal {peak / GoalMegabytes:0.00}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
