using Release.Process.Approvals;

namespace Release.Operations.Delivery;

/// <summary>One deployment to production read from the records.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">Its version.</param>
/// <param name="At">When it reached production.</param>
/// <param name="ChangeAt">When its change was made: the commit's time, else (unknown commit) when the release was opened.</param>
/// <param name="ChangeAtIsCommit">True when <paramref name="ChangeAt"/> is the commit's time.</param>
/// <param name="RestoredAt">When production was rolled back from it (a failed change), or null.</param>
public sealed record ProductionDeployment(
    string ReleaseId,
    string Version,
    DateTimeOffset At,
    DateTimeOffset ChangeAt,
    bool ChangeAtIsCommit,
    DateTimeOffset? RestoredAt)
{
    /// <summary>True when production was rolled back from this deployment: a change failure.</summary>
    public bool Failed => RestoredAt is not null;

    /// <summary>Lead time for changes: from the change to production.</summary>
    public TimeSpan LeadTime => At - ChangeAt;

    /// <summary>Time to restore: from the failed deployment to the rollback that restored service; null when it did not fail.</summary>
    public TimeSpan? TimeToRestore => RestoredAt - At;
}

/// <summary>The four delivery figures of one week (Monday 00:00 UTC on).</summary>
/// <param name="Week">The Monday the week starts.</param>
/// <param name="Deployments">Deployments to production that week.</param>
/// <param name="LeadTimeHours">Median lead time of those deployments, in hours; null with none.</param>
/// <param name="ChangeFailureRate">Share of them rolled back (0 to 1); null with none.</param>
/// <param name="TimeToRestoreHours">Median time to restore of the failed ones, in hours; null with none.</param>
public sealed record DeliveryWeek(DateOnly Week, int Deployments, double? LeadTimeHours, double? ChangeFailureRate, double? TimeToRestoreHours);

/// <summary>
/// The delivery figures teams track (deployment frequency, lead time for changes, change failure rate, time to
/// restore), from the release records alone: a promotion to production is a deployment; a rollback of production
/// from a release marks that deployment failed and restored at the rollback's time; lead time runs from the release's
/// commit (when its time is known, else from the release's opening) to production.
/// </summary>
/// <param name="Deployments">Every production deployment, in time order.</param>
/// <param name="Weeks">Every week from the first deployment's to the last one's, empty weeks included.</param>
public sealed record DeliveryFigures(IReadOnlyList<ProductionDeployment> Deployments, IReadOnlyList<DeliveryWeek> Weeks)
{
    /// <summary>Deployments per week over the weeks shown (0 without deployments).</summary>
    public double DeploymentsPerWeek => Weeks.Count == 0 ? 0 : (double)Deployments.Count / Weeks.Count;

    /// <summary>Median lead time in hours, or null without deployments.</summary>
    public double? LeadTimeHours => Median(Deployments.Select(d => d.LeadTime.TotalHours));

    /// <summary>Share of deployments rolled back, or null without deployments.</summary>
    public double? ChangeFailureRate => Deployments.Count == 0 ? null : (double)Deployments.Count(d => d.Failed) / Deployments.Count;

    /// <summary>Median time to restore in hours, or null without failures.</summary>
    public double? TimeToRestoreHours => Median(Deployments.Where(d => d.Failed).Select(d => d.TimeToRestore!.Value.TotalHours));

    /// <summary>Computes the figures.</summary>
    /// <param name="records">Every release record.</param>
    /// <param name="production">The production environment's name.</param>
    /// <param name="commitTime">The time of a commit, or null when unknown.</param>
    public static DeliveryFigures From(IReadOnlyList<ReleaseRecord> records, string production, Func<string, DateTimeOffset?> commitTime)
    {
        var deployments = new List<ProductionDeployment>();
        foreach (var record in records)
        {
            var commitAt = commitTime(record.Created.Commit);
            var promotions = record.Events.OfType<ReleasePromoted>().Where(p => p.Environment == production).ToList();
            var rollbacks = record.Events.OfType<ReleaseRolledBack>().Where(r => r.Environment == production).ToList();
            foreach (var promotion in promotions)
            {
                var next = promotions.FirstOrDefault(p => p.At > promotion.At)?.At ?? DateTimeOffset.MaxValue;
                var restored = rollbacks.FirstOrDefault(r => r.At >= promotion.At && r.At < next)?.At;
                deployments.Add(new ProductionDeployment(
                    record.ReleaseId,
                    record.Created.Version,
                    promotion.At,
                    commitAt ?? record.Created.At,
                    commitAt is not null,
                    restored));
            }
        }
        deployments.Sort((a, b) => a.At.CompareTo(b.At));
        return new DeliveryFigures(deployments, WeeksOf(deployments));
    }

    private static List<DeliveryWeek> WeeksOf(IReadOnlyList<ProductionDeployment> deployments)
    {
        if (deployments.Count == 0) return [];
        var weeks = new List<DeliveryWeek>();
        for (var week = WeekOf(deployments[0].At); week <= WeekOf(deployments[^1].At); week = week.AddDays(7))
        {
            var these = deployments.Where(d => WeekOf(d.At) == week).ToList();
            weeks.Add(new DeliveryWeek(week, these.Count, Median(these.Select(d => d.LeadTime.TotalHours)),
                these.Count == 0 ? null : (double)these.Count(d => d.Failed) / these.Count,
                Median(these.Where(d => d.Failed).Select(d => d.TimeToRestore!.Value.TotalHours))));
        }
        return weeks;
    }

    /// <summary>The Monday (UTC) of the week <paramref name="instant"/> falls in.</summary>
    /// <param name="instant">Any instant.</param>
    public static DateOnly WeekOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
