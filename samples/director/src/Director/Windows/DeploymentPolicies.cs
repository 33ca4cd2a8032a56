namespace Director.Windows;

/// <summary>The policies this service knows, looked up by environment name (case-insensitive).</summary>
public sealed class DeploymentPolicies
{
    private readonly Dictionary<string, DeploymentPolicy> _byEnvironment;

    /// <summary>Creates a lookup over <paramref name="policies"/>.</summary>
    public DeploymentPolicies(IEnumerable<DeploymentPolicy> policies) =>
        _byEnvironment = policies.ToDictionary(p => p.Environment, StringComparer.OrdinalIgnoreCase);

    /// <summary>Environment names, sorted.</summary>
    public IEnumerable<string> Environments => _byEnvironment.Keys.Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy for <paramref name="environment"/>, or null when it is unknown.</summary>
    public DeploymentPolicy? Find(string environment) => _byEnvironment.GetValueOrDefault(environment);

    /// <summary>
    /// A typical bank policy: production on Monday–Thursday business hours outside the year-end
    /// freeze, staging on weekdays around the clock, development always.
    /// </summary>
    public static DeploymentPolicies Default { get; } = new(
    [
        new DeploymentPolicy("production",
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
            new TimeOnly(9, 0), new TimeOnly(16, 0),
            [new AnnualFreeze(12, 20, 1, 3, "year-end change freeze")]),
        new DeploymentPolicy("staging",
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            TimeOnly.MinValue, TimeOnly.MaxValue, []),
        new DeploymentPolicy("development", Enum.GetValues<DayOfWeek>().ToHashSet(),
            TimeOnly.MinValue, TimeOnly.MaxValue, []),
    ]);
}
