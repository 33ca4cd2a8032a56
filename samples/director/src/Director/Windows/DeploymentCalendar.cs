namespace Director.Windows;

/// <summary>Answers "may we deploy now?" and "when are the next windows?" for a <see cref="DeploymentPolicy"/>.</summary>
public static class DeploymentCalendar
{
    /// <summary>How far ahead to look for the next opening: a policy that opens less than once a year is unusable.</summary>
    public const int SearchHorizonDays = 366;

    /// <summary>Decides whether a deployment may start at <paramref name="at"/>.</summary>
    public static DeploymentDecision Decide(DeploymentPolicy policy, DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        var date = DateOnly.FromDateTime(at.UtcDateTime);
        var time = TimeOnly.FromDateTime(at.UtcDateTime);
        var next = NextOpening(policy, at);

        if (policy.FreezeOn(date) is { } freeze)
            return new(policy.Environment, at, false, $"Frozen: {freeze.Reason}.", next);
        if (!policy.Days.Contains(date.DayOfWeek))
            return new(policy.Environment, at, false, $"No deployments to {policy.Environment} on {date.DayOfWeek}.", next);
        if (time < policy.Opens || time >= policy.Closes)
            return new(policy.Environment, at, false,
                $"Outside the {policy.Opens:HH\\:mm}-{policy.Closes:HH\\:mm} UTC window.", next);
        return new(policy.Environment, at, true, "Window open.", at);
    }

    /// <summary>The windows that open on the <paramref name="days"/> calendar days starting at <paramref name="from"/>.</summary>
    public static IReadOnlyList<DeploymentWindow> Windows(DeploymentPolicy policy, DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var windows = new List<DeploymentWindow>();
        for (var date = from; date < from.AddDays(days); date = date.AddDays(1))
        {
            if (policy.OpensOn(date))
                windows.Add(new DeploymentWindow(Utc(date, policy.Opens), Utc(date, policy.Closes)));
        }
        return windows;
    }

    /// <summary>The first moment at or after <paramref name="at"/> when a window is open; null if none within the horizon.</summary>
    public static DateTimeOffset? NextOpening(DeploymentPolicy policy, DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        var first = DateOnly.FromDateTime(at.UtcDateTime);
        for (var offset = 0; offset <= SearchHorizonDays; offset++)
        {
            var date = first.AddDays(offset);
            if (!policy.OpensOn(date))
                continue;
            var opens = Utc(date, policy.Opens);
            var closes = Utc(date, policy.Closes);
            if (at < opens)
                return opens;
            if (at < closes)
                return at;
        }
        return null;
    }

    private static DateTimeOffset Utc(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time, DateTimeKind.Utc));
}
