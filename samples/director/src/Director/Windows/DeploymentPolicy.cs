namespace Director.Windows;

/// <summary>When an environment accepts deployments; all times are UTC.</summary>
/// <param name="Environment">Environment name, e.g. <c>production</c>.</param>
/// <param name="Days">Week days on which the window opens.</param>
/// <param name="Opens">Time of day the window opens.</param>
/// <param name="Closes">Time of day the window closes (exclusive); must be after <paramref name="Opens"/>.</param>
/// <param name="Freezes">Recurring freezes during which no window opens.</param>
public sealed record DeploymentPolicy(
    string Environment,
    IReadOnlySet<DayOfWeek> Days,
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlyList<AnnualFreeze> Freezes)
{
    /// <summary>The freeze covering <paramref name="date"/>, if any.</summary>
    public AnnualFreeze? FreezeOn(DateOnly date) => Freezes.FirstOrDefault(f => f.Contains(date));

    /// <summary>True when a window opens at some time on <paramref name="date"/>.</summary>
    public bool OpensOn(DateOnly date) => Days.Contains(date.DayOfWeek) && FreezeOn(date) is null;
}
