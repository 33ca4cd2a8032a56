using Release.Engine.Planning;

namespace Release.Engine.Output;

/// <summary>Writes the execution plan: order, why each target is there, and what will be skipped.</summary>
internal static class PlanWriter
{
    public static void Write(
        BuildLog log,
        IReadOnlyList<ExecutableTarget> plan,
        IReadOnlyDictionary<ExecutableTarget, string> skipped,
        IReadOnlyList<string> invoked)
    {
        log.Plain($"Plan ({plan.Count} targets):");
        var planned = plan.ToHashSet();
        var needersOf = plan.ToDictionary(t => t, _ => new List<string>());
        foreach (var target in plan)
            foreach (var dependency in target.Dependencies)
                needersOf[dependency].Add(target.Name);
        var index = 1;
        foreach (var target in plan)
        {
            var why = invoked.Contains(target.Name) ? "invoked"
                : target.TriggeredBy.FirstOrDefault(planned.Contains) is { } trigger ? $"triggered by {trigger.Name}"
                : needersOf[target] is { Count: > 0 } needers ? $"needed by {string.Join(", ", needers)}"
                : "planned";
            var skip = skipped.TryGetValue(target, out var reason) ? $"  [skip: {reason}]" : "";
            log.Plain($"  {index++,3}. {target.Name} ({why}){skip}");
        }
    }
}
