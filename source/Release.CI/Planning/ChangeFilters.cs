namespace Release.CI.Planning;

/// <summary>
/// Which merge requests a job runs for, from the targets' <c>ChangedBy</c> globs (a module's folder and those of the
/// modules it needs): a job whose every target names the files its work depends on runs only for a merge request that
/// touches one of them. A target that names none may depend on anything, so its job runs for every merge request.
/// Branch pipelines are not filtered: a push is compared with the previous push, not with what was last shipped.
/// </summary>
internal static class ChangeFilters
{
    /// <summary>Sets <see cref="CiJob.ChangedBy"/> on every job whose targets all name the files their work depends on.</summary>
    public static void Apply(IReadOnlyList<CiJob> jobs, TargetIndex index)
    {
        foreach (var job in jobs)
        {
            if (job.SelfContained || job.Targets.Count == 0) continue;
            var globs = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var filtered = true;
            foreach (var target in job.Targets)
            {
                var changedBy = index.Find(target)!.ChangedBy;
                if (changedBy.Count == 0) { filtered = false; break; }
                foreach (var glob in changedBy)
                    if (seen.Add(glob)) globs.Add(glob);
            }
            if (!filtered) continue;
            job.ChangedBy = globs;
            job.Member = index.Find(job.EntryTarget)!.Member;
        }
    }

    /// <summary>Whether a merge request runs <paramref name="job"/> only when it touches the job's <see cref="CiJob.ChangedBy"/> files.</summary>
    public static bool RunsOnlyForChanges(CiJob job) => job.ChangedBy is not null && job.Contexts.Any(c => c.Rule is { IsMergeRequest: true });

    /// <summary>
    /// Whether a merge request can run <paramref name="job"/> without <paramref name="needed"/>: the needed job is
    /// filtered by changes and a change the job runs for may leave it out. GitLab then needs the need marked optional.
    /// </summary>
    public static bool MayRunWithout(CiJob job, CiJob needed) =>
        needed.ChangedBySet is { } neededGlobs && (job.ChangedBy is not { } globs || !globs.All(neededGlobs.Contains));
}
