using System.Diagnostics;
using Release.CI.Azure;
using Release.CI.GitLab;
using Release.CI.Planning;
using Release.Engine;

namespace Release.CI.Benchmarks;

/// <summary>
/// Times each section of generation (the steps of <c>CiPipeline.Plan</c> and the two writers) for one graph, so the
/// benchmark shows where generation spends its time, not only how much.
/// </summary>
internal sealed class GenerationSections
{
    private readonly Dictionary<string, double> _milliseconds = [];
    private int _runs;

    public void Run(TargetGraph graph, CiConfiguration config, string buildClass)
    {
        _runs++;
        var clock = Stopwatch.StartNew();
        void Section(string name)
        {
            _milliseconds[name] = _milliseconds.GetValueOrDefault(name) + clock.Elapsed.TotalMilliseconds;
            clock.Restart();
        }
        var problems = new CiProblems(buildClass);
        var index = new TargetIndex(graph);
        ConfigurationValidator.Validate(config, index, problems);
        Section("index + validate");
        var jobs = JobPlanner.Plan(config, index, problems);
        Section("plan jobs");
        JobLinker.Link(jobs, index, config, problems);
        Section("link jobs");
        var ordered = JobOrder.Sort(jobs, index, config, problems);
        JobNames.Assign(ordered, problems);
        ChangeFilters.Apply(ordered, index);
        Section("order + names + change filters");
        var pipeline = CiPipeline.Plan(graph, config, buildClass);
        clock.Restart();
        GitLabFile.Write(pipeline);
        Section("GitLab file");
        AzureFile.Write(pipeline);
        Section("Azure file");
    }

    public void Print()
    {
        foreach (var (name, total) in _milliseconds)
            Console.WriteLine($"      {name,-32} {total / _runs,7:F1} ms");
    }
}
