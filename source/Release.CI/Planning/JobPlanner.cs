namespace Release.CI.Planning;

/// <summary>
/// Decides which jobs exist and which targets each runs. A job runs its entry target plus the targets in its closure
/// that no job it relies on already runs. Work that two jobs of the same pipeline would both do moves into a shared
/// job of its own, so nothing is built twice.
/// </summary>
internal static class JobPlanner
{
    public static List<CiJob> Plan(CiConfiguration config, TargetIndex index)
    {
        var jobs = DeclaredJobs(config, index);
        while (true)
        {
            AssignTargets(jobs, index);
            var shared = SharedTargets(jobs, index);
            if (shared.Count == 0) return jobs;
            foreach (var target in shared)
            {
                var claimants = jobs.Where(j => j.Targets.Contains(target)).ToList();
                jobs.Add(new CiJob
                {
                    EntryTarget = target,
                    Kind = CiJobKind.Shared,
                    OwnContexts = claimants.SelectMany(c => c.OwnContexts).ToHashSet(),
                });
            }
        }
    }

    private static List<CiJob> DeclaredJobs(CiConfiguration config, TargetIndex index)
    {
        var rules = config.Branches.Select(b => BranchRule.TryParse(b, out _)!).ToList();
        if (rules.Count == 0 && !config.MergeRequests) rules.Add(BranchRule.TryParse("*", out _)!);
        if (config.MergeRequests) rules.Add(BranchRule.TryParse(BranchRule.MergeRequestName, out _)!);
        var pushContexts = rules.Select(PipelineContext.For).ToHashSet();

        var jobs = new List<CiJob>();
        foreach (var entry in config.Jobs)
        {
            var name = index.Find(entry)!.Name;
            var count = config.Targets.TryGetValue(entry, out var options) ? options.Partitions : 1;
            for (var i = 1; i <= count; i++)
                jobs.Add(new CiJob
                {
                    EntryTarget = name, Kind = CiJobKind.Entry, PartitionIndex = count > 1 ? i : 0, PartitionCount = count,
                    OwnContexts = [.. pushContexts],
                });
        }
        foreach (var environment in config.Environments)
            jobs.Add(new CiJob
            {
                EntryTarget = index.Find(environment.DeployTarget)!.Name, Kind = CiJobKind.Deployment, Environment = environment,
                OwnContexts = environment.BranchRules.Select(r => PipelineContext.For(BranchRule.TryParse(r, out _)!)).ToHashSet(),
            });
        foreach (var schedule in config.Schedules)
        {
            var name = index.Find(schedule.Target)!.Name;
            // A scheduled target that is already an entry job runs in that job, on the schedule too.
            var existing = jobs.Where(j => j.Kind == CiJobKind.Entry && j.EntryTarget == name).ToList();
            if (existing.Count > 0) existing.ForEach(j => j.OwnContexts.Add(PipelineContext.For(schedule)));
            else jobs.Add(new CiJob { EntryTarget = name, Kind = CiJobKind.Scheduled, OwnContexts = [PipelineContext.For(schedule)] });
        }
        return jobs;
    }

    /// <summary>
    /// Gives every job its closure minus what the jobs it relies on run. It walks from the entry and stops at the
    /// entries of jobs it relies on (those in its closure whose closure does not hold it back), then drops anything
    /// those jobs also reach: the same as subtracting every such closure, without touching the whole graph per job.
    /// </summary>
    private static void AssignTargets(List<CiJob> jobs, TargetIndex index)
    {
        var entries = jobs.Select(j => j.EntryTarget).ToHashSet();
        foreach (var job in jobs)
        {
            var walked = new HashSet<string>();
            var boundary = new List<string>();
            var stack = new Stack<string>([job.EntryTarget]);
            while (stack.TryPop(out var name))
            {
                if (name != job.EntryTarget && entries.Contains(name) && !index.Closure(name).Contains(job.EntryTarget))
                {
                    if (!boundary.Contains(name)) boundary.Add(name);
                    continue;
                }
                if (!walked.Add(name)) continue;
                foreach (var next in index.Next(name)) stack.Push(next);
            }
            job.Targets = walked.Where(t => !boundary.Any(b => index.Closure(b).Contains(t))).OrderBy(index.OrderOf).ToList();
        }
    }

    /// <summary>
    /// Targets that two jobs able to run in one pipeline would both run, except entry targets themselves; not those that
    /// only come with another shared target, since a shared job runs its own dependencies.
    /// </summary>
    private static List<string> SharedTargets(List<CiJob> jobs, TargetIndex index)
    {
        var entries = jobs.Select(j => j.EntryTarget).ToHashSet();
        var claims = new Dictionary<string, List<CiJob>>();
        foreach (var job in jobs)
            foreach (var target in job.Targets.Where(t => !entries.Contains(t)))
            {
                if (!claims.TryGetValue(target, out var list)) claims[target] = list = [];
                list.Add(job);
            }
        var shared = claims.Where(c => CoOccur(c.Value)).Select(c => c.Key).ToList();
        // A shared target that another shared target needs, for the same jobs, moves with that one: it is not split off.
        return shared
            .Where(s => !shared.Any(other => other != s && index.Closure(other).Contains(s) && claims[s].All(claims[other].Contains)))
            .OrderBy(index.OrderOf)
            .ToList();
    }

    private static bool CoOccur(List<CiJob> claimants)
    {
        for (var i = 0; i < claimants.Count; i++)
            for (var j = i + 1; j < claimants.Count; j++)
                if (claimants[i].OwnContexts.Any(a => claimants[j].OwnContexts.Any(a.CoOccursWith))) return true;
        return false;
    }
}
