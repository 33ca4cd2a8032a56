namespace Release.CI.Planning;

/// <summary>
/// One kind of pipeline a job can run in: a push to a branch rule, a merge request, or a named schedule.
/// A job's rules (GitLab) and condition (Azure) are the union of its contexts.
/// </summary>
internal sealed record PipelineContext
{
    private PipelineContext(BranchTrigger? rule, ScheduleDeclaration? schedule)
    {
        Rule = rule;
        Schedule = schedule;
    }

    /// <summary>The branch rule (or merge requests), for push and merge-request pipelines.</summary>
    public BranchTrigger? Rule { get; }

    /// <summary>The schedule, for scheduled pipelines.</summary>
    public ScheduleDeclaration? Schedule { get; }

    /// <summary>Pipelines for a branch rule or merge requests.</summary>
    public static PipelineContext For(BranchTrigger rule) => new(rule, null);

    /// <summary>Pipelines a schedule starts.</summary>
    public static PipelineContext For(ScheduleDeclaration schedule) => new(null, schedule);

    /// <summary>Whether one pipeline can be in both contexts (then jobs in both must not repeat each other's work).</summary>
    public bool CoOccursWith(PipelineContext other) =>
        Rule is not null && other.Rule is not null ? Rule.Overlaps(other.Rule)
        : Schedule is not null && other.Schedule is not null && Schedule.Name == other.Schedule.Name;

    /// <summary>Stable text used for ordering and sets.</summary>
    public override string ToString() => Rule is not null ? (Rule.IsMergeRequest ? "mr" : "branch:" + Rule.Text) : "schedule:" + Schedule!.Name;
}
