namespace Release.CI.Planning;

/// <summary>
/// Connects planned jobs: who waits for whom (from the target graph's ordering relations), which artifacts travel,
/// and in which pipelines each job runs (a job runs wherever a job relying on it runs).
/// </summary>
internal static class JobLinker
{
    public static void Link(List<CiJob> jobs, TargetIndex index, CiConfiguration config, CiProblems problems)
    {
        // A self-contained job runs everything itself: no job waits for it and it waits for none.
        var linked = jobs.Where(j => !j.SelfContained).ToList();
        var owners = new Dictionary<string, List<CiJob>>();
        foreach (var job in linked)
            foreach (var target in job.Targets)
            {
                if (!owners.TryGetValue(target, out var list)) owners[target] = list = [];
                list.Add(job);
            }

        // A job relies on the jobs whose entry is in its closure, and on the jobs whose artifacts it consumes.
        var byEntry = linked.ToLookup(j => j.EntryTarget, StringComparer.Ordinal);
        var reliesOn = jobs.ToDictionary(j => j, j => j.SelfContained ? [] : index.Closure(j.EntryTarget)
            .SelectMany(entry => byEntry[entry]).Where(o => Covers(o, j, index)).ToHashSet());
        foreach (var job in linked)
            foreach (var target in job.Targets)
            {
                foreach (var link in index.Find(target)!.ConsumesArtifacts)
                {
                    var producer = index.Find(link.Producer)!.Name;
                    if (job.Targets.Contains(producer)) continue;
                    var producers = ProducersFor(job, producer, owners, reliesOn[job]);
                    if (producers.Count == 0)
                    {
                        problems.Add($"target {target} (Consumes({producer}))",
                            $"'{target}' consumes artifacts of '{producer}', but no job of the pipeline that runs '{target}' runs '{producer}'",
                            $"add .DependsOn({producer}) to {target}, or declare Job(nameof({producer})) in the CI configuration");
                        continue;
                    }
                    foreach (var p in producers)
                    {
                        reliesOn[job].Add(p);
                        AddNeed(job, p, artifacts: true, link.Globs, optional: false);
                    }
                }
                // Consumes("glob"): the files of upstream targets whose produced globs can hold them.
                foreach (var glob in index.Find(target)!.Consumes)
                    foreach (var upstream in index.Closure(target).Where(u => u != target && !job.Targets.Contains(u)).OrderBy(index.OrderOf))
                    {
                        if (!index.Find(upstream)!.Produces.Any(produced => ArtifactGlobs.CanMatch(produced, glob))) continue;
                        foreach (var p in ProducersFor(job, upstream, owners, reliesOn[job]))
                        {
                            reliesOn[job].Add(p);
                            AddNeed(job, p, artifacts: true, [glob], optional: false);
                        }
                    }
            }

        SpreadContexts(jobs, reliesOn);

        foreach (var job in linked)
            foreach (var target in job.Targets)
                foreach (var (predecessor, pulls) in index.Predecessors(target))
                {
                    if (job.Targets.Contains(predecessor) || !owners.TryGetValue(predecessor, out var candidates)) continue;
                    foreach (var other in candidates.Where(
                        o => o != job && SameEnvironment(o, job) && (reliesOn[job].Contains(o) || (!pulls && SharePipelines(o, job)))))
                        AddNeed(job, other, artifacts: false, [], optional: !other.Contains(job));
                }

        var everyJob = config.EveryJobTargets.Select(t => index.Find(t)!.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            foreach (var target in job.Targets)
            {
                // Targets run in every job prepare that job's machine; their files are made again wherever needed.
                if (!everyJob.Contains(target))
                    foreach (var glob in index.Find(target)!.Produces.Where(g => !job.Produces.Contains(g))) job.Produces.Add(glob);
                if (config.Targets.TryGetValue(target, out var options) && options.Reports.Any) job.Reports.Add(options.Reports);
            }
        }
        RemoveImpliedNeeds(jobs);
    }

    private static bool Covers(CiJob other, CiJob job, TargetIndex index) =>
        other.EntryTarget != job.EntryTarget
        && SameEnvironment(other, job)
        && index.Closure(job.EntryTarget).Contains(other.EntryTarget)
        && !index.Closure(other.EntryTarget).Contains(job.EntryTarget);

    /// <summary>
    /// Whether <paramref name="other"/> can serve <paramref name="job"/>: it is the same in every environment, or works
    /// for the job's environment or for one the job's environment promotes.
    /// </summary>
    private static bool SameEnvironment(CiJob other, CiJob job) =>
        other.Environment is null || job.Environment is not null && job.Environment.ReliesOn(other.Environment.Name);

    private static List<CiJob> ProducersFor(CiJob job, string producer, Dictionary<string, List<CiJob>> owners, HashSet<CiJob> reliedOn)
    {
        var candidates = (owners.GetValueOrDefault(producer) ?? []).Where(c => c != job && SameEnvironment(c, job)).ToList();
        var relied = candidates.Where(reliedOn.Contains).ToList();
        return relied.Count > 0 ? relied : candidates.Where(c => SharePipelines(c, job)).ToList();
    }

    private static bool SharePipelines(CiJob a, CiJob b) => a.OwnContexts.Any(x => b.OwnContexts.Any(x.CoOccursWith));

    private static void SpreadContexts(List<CiJob> jobs, Dictionary<CiJob, HashSet<CiJob>> reliesOn)
    {
        foreach (var job in jobs) job.Contexts = [.. job.OwnContexts];
        bool changed;
        do
        {
            changed = false;
            foreach (var job in jobs)
                foreach (var relied in reliesOn[job])
                    foreach (var context in job.Contexts)
                        changed |= relied.Contexts.Add(context);
        } while (changed);
    }

    private static void AddNeed(CiJob job, CiJob other, bool artifacts, IReadOnlyList<string> globs, bool optional)
    {
        var index = job.Needs.FindIndex(n => n.Job == other);
        if (index < 0) { job.Needs.Add(new JobNeed(other, artifacts, globs, optional)); return; }
        var existing = job.Needs[index];
        job.Needs[index] = new JobNeed(other, existing.Artifacts || artifacts,
            existing.Artifacts && artifacts
                ? (existing.ArtifactGlobs.Count == 0 || globs.Count == 0 ? [] : existing.ArtifactGlobs.Union(globs).ToList())
                : artifacts ? globs : existing.ArtifactGlobs,
            existing.Optional && optional);
    }

    /// <summary>Drops a plain ordering need already implied through another need, to keep the files readable.</summary>
    private static void RemoveImpliedNeeds(List<CiJob> jobs)
    {
        foreach (var job in jobs)
        {
            var implied = job.Needs.Where(n => !n.Artifacts && !n.Optional &&
                job.Needs.Any(other => other != n && !other.Optional && Reaches(other.Job, n.Job, []))).ToList();
            foreach (var need in implied) job.Needs.Remove(need);
        }
    }

    private static bool Reaches(CiJob from, CiJob to, HashSet<CiJob> seen)
    {
        if (from == to) return true;
        if (!seen.Add(from)) return false;
        return from.Needs.Where(n => !n.Optional).Any(n => Reaches(n.Job, to, seen));
    }
}

/// <summary>Context helpers for jobs.</summary>
internal static class CiJobContexts
{
    /// <summary>Whether <paramref name="job"/> runs in every pipeline <paramref name="other"/> runs in.</summary>
    public static bool Contains(this CiJob job, CiJob other) => other.Contexts.All(job.Contexts.Contains);
}
