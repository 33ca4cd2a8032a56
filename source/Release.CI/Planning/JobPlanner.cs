namespace Release.CI.Planning;

/// <summary>
/// Decides which jobs exist and which targets each runs. A job runs its entry target plus the targets in its closure
/// that no job it relies on already runs. Work that two jobs of the same pipeline would both do moves into a shared
/// job of its own, so nothing is built twice. Targets after a deployment get one job per environment; a scheduled
/// target without a job of its own runs self-contained; targets declared with <c>RunInEveryJob</c> run in every job
/// that needs them and never in a job of their own.
/// </summary>
internal static class JobPlanner
{
    public static List<CiJob> Plan(CiConfiguration config, TargetIndex index, CiProblems problems)
    {
        var scope = new EnvironmentScope(config, index);
        var everyJob = config.EveryJobTargets.Select(t => index.Find(t)!.Name).ToHashSet(StringComparer.Ordinal);
        var jobs = DeclaredJobs(config, index, scope, problems);
        while (true)
        {
            AssignTargets(jobs, index, everyJob);
            var shared = SharedTargets(jobs, index, scope, everyJob);
            if (shared.Count == 0)
            {
                // Only the final grouping is put in run order: the rounds before it only ask which targets a job holds.
                foreach (var job in jobs) job.Targets = index.InRunOrder(job.Targets);
                return jobs;
            }
            foreach (var (target, claimants) in shared)
            {
                var environment = scope.IsSpecific(target) ? claimants[0].Environment : null;
                jobs.Add(new CiJob
                {
                    EntryTarget = target,
                    Kind = CiJobKind.Shared,
                    Environment = environment,
                    EnvironmentArgument = environment is null ? null : scope.ArgumentOf(environment),
                    OwnContexts = claimants.SelectMany(c => c.OwnContexts).ToHashSet(),
                });
            }
        }
    }

    private static List<CiJob> DeclaredJobs(CiConfiguration config, TargetIndex index, EnvironmentScope scope, CiProblems problems)
    {
        var rules = config.Branches.Select(b => BranchTrigger.TryParse(b, out _)!).ToList();
        if (rules.Count == 0 && !config.MergeRequests) rules.Add(BranchTrigger.TryParse("*", out _)!);
        if (config.MergeRequests) rules.Add(BranchTrigger.TryParse(BranchTrigger.MergeRequestName, out _)!);
        var pushContexts = rules.Select(PipelineContext.For).ToHashSet();

        var jobs = new List<CiJob>();
        foreach (var entry in config.Jobs)
        {
            var name = index.Find(entry)!.Name;
            var count = config.Targets.TryGetValue(entry, out var options) ? options.Partitions : 1;
            if (!scope.IsSpecific(name))
            {
                for (var i = 1; i <= count; i++)
                    jobs.Add(new CiJob
                    {
                        EntryTarget = name, Kind = CiJobKind.Entry, PartitionIndex = count > 1 ? i : 0, PartitionCount = count,
                        OwnContexts = [.. pushContexts],
                    });
                continue;
            }
            // After a deployment: one job per environment, in the pipelines that deploy there (to all its deploy targets).
            foreach (var declarations in scope.EnvironmentsOf(name))
            {
                var contexts = EnvironmentScope.ContextsOf(declarations[0]);
                foreach (var other in declarations.Skip(1)) contexts.IntersectWith(EnvironmentScope.ContextsOf(other));
                if (contexts.Count == 0)
                {
                    problems.Add($"Job(\"{entry}\")",
                        $"'{name}' depends on the deployments to '{declarations[0].Name}' by " +
                            $"{string.Join(" and ", declarations.Select(d => d.DeployTarget))}, but they never run in the same pipeline",
                        "give those Deploy(...) declarations a common branch rule");
                    continue;
                }
                for (var i = 1; i <= count; i++)
                    jobs.Add(new CiJob
                    {
                        EntryTarget = name, Kind = CiJobKind.Entry, PartitionIndex = count > 1 ? i : 0, PartitionCount = count,
                        Environment = declarations[0], EnvironmentArgument = scope.ArgumentOf(declarations[0]), OwnContexts = contexts,
                    });
            }
        }
        foreach (var environment in config.Environments)
            jobs.Add(new CiJob
            {
                EntryTarget = index.Find(environment.DeployTarget)!.Name, Kind = CiJobKind.Deployment, Environment = environment,
                EnvironmentArgument = scope.ArgumentOf(environment), OwnContexts = EnvironmentScope.ContextsOf(environment),
            });
        foreach (var schedule in config.Schedules)
        {
            var name = index.Find(schedule.Target)!.Name;
            // A scheduled target that is already an entry job (the same in every environment) runs in that job, on the
            // schedule too, and its upstream jobs with it. Any other runs self-contained: scheduled pipelines then need
            // no job that only push pipelines or deployments have.
            var existing = jobs.Where(j => j.EntryTarget == name && j.Kind is CiJobKind.Entry or CiJobKind.Scheduled && j.Environment is null)
                .ToList();
            if (existing.Count > 0) existing.ForEach(j => j.OwnContexts.Add(PipelineContext.For(schedule)));
            else jobs.Add(new CiJob { EntryTarget = name, Kind = CiJobKind.Scheduled, OwnContexts = [PipelineContext.For(schedule)] });
        }
        return jobs;
    }

    /// <summary>
    /// Gives every job its closure minus what the jobs it relies on run. It walks from the entry and stops at the
    /// entries of jobs it relies on (those in its closure whose closure does not hold it back, for no other
    /// environment), then drops anything those jobs also reach: the same as subtracting every such closure, without
    /// touching the whole graph per job. Targets run in every job are then added back wherever the job's targets
    /// need them. A self-contained job runs its whole closure.
    /// </summary>
    private static void AssignTargets(List<CiJob> jobs, TargetIndex index, HashSet<string> everyJob)
    {
        var entries = jobs.Where(j => !j.SelfContained).Select(j => (j.EntryTarget, j.Environment?.Name)).ToHashSet();
        foreach (var job in jobs)
        {
            if (job.SelfContained)
            {
                job.Targets = [.. index.Closure(job.EntryTarget)];
                continue;
            }
            bool IsEntry(string name) => entries.Contains((name, null))
                || job.Environment is not null && entries.Any(e => e.EntryTarget == name && e.Name is not null && job.Environment.ReliesOn(e.Name));
            var walked = new HashSet<string>();
            var boundary = new List<string>();
            var stack = new Stack<string>([job.EntryTarget]);
            while (stack.TryPop(out var name))
            {
                if (name != job.EntryTarget && IsEntry(name) && !index.Closure(name).Contains(job.EntryTarget))
                {
                    if (!boundary.Contains(name)) boundary.Add(name);
                    continue;
                }
                if (!walked.Add(name)) continue;
                foreach (var next in index.Next(name)) stack.Push(next);
            }
            var targets = walked.Where(t => !boundary.Any(b => index.Closure(b).Contains(t))).ToHashSet();
            var prepared = everyJob.Where(e => targets.Any(t => index.Closure(t).Contains(e))).ToList();
            targets.UnionWith(prepared);
            job.Targets = [.. targets];
        }
    }

    /// <summary>
    /// Targets that two jobs able to run in one pipeline would both run, except entry targets themselves and targets run
    /// in every job; not those that only come with another shared target, since a shared job runs its own dependencies.
    /// A target after a deployment is shared only among jobs for the same environment.
    /// </summary>
    private static List<(string Target, List<CiJob> Claimants)> SharedTargets(
        List<CiJob> jobs,
        TargetIndex index,
        EnvironmentScope scope,
        HashSet<string> everyJob)
    {
        var entries = jobs.Where(j => !j.SelfContained).Select(j => j.EntryTarget).ToHashSet();
        var claims = new Dictionary<(string Target, string? Environment), List<CiJob>>();
        foreach (var job in jobs.Where(j => !j.SelfContained))
            foreach (var target in job.Targets.Where(t => !entries.Contains(t) && !everyJob.Contains(t)))
            {
                var key = (target, scope.IsSpecific(target) ? job.Environment?.Name : null);
                if (!claims.TryGetValue(key, out var list)) claims[key] = list = [];
                list.Add(job);
            }
        var shared = claims.Where(c => CoOccur(c.Value)).Select(c => c.Key).ToList();
        var claimSets = shared.ToDictionary(s => s, s => claims[s].ToHashSet());
        // A shared target that another shared target needs, for the same jobs, moves with that one: it is not split off.
        return shared
            .Where(s => !shared.Any(other => other != s && other.Environment == s.Environment && index.Closure(other.Target).Contains(s.Target)
                && claimSets[s].IsSubsetOf(claimSets[other])))
            .OrderBy(s => index.OrderOf(s.Target))
            .Select(s => (s.Target, claims[s]))
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
