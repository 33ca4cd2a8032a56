using System.Diagnostics;
using Release.CI;
using Release.CI.Benchmarks;

// Generation time for growing definitions; the goal is under one second for 200 modules.
// Pass a folder to also write the 200-module files there (to validate them).
// Prints the median of several runs after a warm-up, and its ratio to the goal.
// "application [folder]" instead: plan and generate for an application of 200 modules declared as target families.
if (args.FirstOrDefault() == "application")
{
    await ApplicationBenchmark.RunAsync(args.ElementAtOrDefault(1));
    return;
}
const double GoalMilliseconds = 1000;
foreach (var modules in new[] { 50, 100, 200 })
{
    var (graph, configuration) = ModuleGraph.Create(modules);
    var files = CiFiles.Generate(graph, configuration, "ModuleBuild");
    for (var warmUp = 0; warmUp < 3; warmUp++) CiFiles.Generate(graph, configuration, "ModuleBuild");
    if (args.Length > 0 && modules == 200)
        foreach (var file in files) File.WriteAllText(Path.Combine(args[0], file.RelativePath), file.Content);
    var times = new List<double>();
    for (var run = 0; run < 5; run++)
    {
        var clock = Stopwatch.StartNew();
        CiFiles.Generate(graph, configuration, "ModuleBuild");
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{modules,4} modules ({graph.Targets.Count} targets, {files.Sum(f => f.Content.Length) / 1024} KiB of YAML): " +
                      $"median {median,8:F1} ms = {median / GoalMilliseconds:P1} of the 1 s goal");
}
