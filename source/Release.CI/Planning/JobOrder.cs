namespace Release.CI.Planning;

/// <summary>
/// Orders jobs so each comes after the jobs it needs (ties in declaration order, for stable output), and reports a
/// cycle between jobs, which the target graph alone cannot have but a job grouping can.
/// </summary>
internal static class JobOrder
{
    public static List<CiJob> Sort(List<CiJob> jobs, TargetIndex index, CiConfiguration config, CiProblems problems)
    {
        var rank = jobs.ToDictionary(j => j, j => (index.OrderOf(j.EntryTarget), (int)j.Kind, j.PartitionIndex,
            j.Environment is null ? -1 : config.Environments.ToList().IndexOf(j.Environment)));
        var remaining = jobs.ToDictionary(j => j, j => j.Needs.Select(n => n.Job).Distinct().Count());
        var ready = jobs.Where(j => remaining[j] == 0).ToList();
        var result = new List<CiJob>();
        while (ready.Count > 0)
        {
            var next = ready.MinBy(j => rank[j])!;
            ready.Remove(next);
            result.Add(next);
            foreach (var dependent in jobs.Where(j => j.Needs.Any(n => n.Job == next)))
                if (--remaining[dependent] == 0) ready.Add(dependent);
        }
        if (result.Count < jobs.Count)
        {
            var stuck = jobs.Except(result).Select(j => j.Label);
            problems.Add("job grouping", $"the jobs {string.Join(", ", stuck)} wait for each other in a cycle (a target of one runs after a target " +
                "of another and vice versa)",
                "declare the targets in the cycle as their own entry jobs with Job(nameof(...)), or remove the After/Triggers relation that " +
                    "crosses jobs");
        }
        return result;
    }
}
