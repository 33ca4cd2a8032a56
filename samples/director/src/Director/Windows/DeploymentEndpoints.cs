namespace Director.Windows;

/// <summary>HTTP handlers for the deployment-window API; kept as plain methods so tests can call them.</summary>
public static class DeploymentEndpoints
{
    /// <summary>Largest range <see cref="ListWindows"/> serves, to keep answers small.</summary>
    public const int MaxDays = 90;

    /// <summary><c>GET /environments/{environment}/deployment-decision?at=ISO-8601</c> (default: now).</summary>
    public static IResult Decide(string environment, DateTimeOffset? at, DeploymentPolicies policies, TimeProvider clock)
    {
        if (policies.Find(environment) is not { } policy)
            return UnknownEnvironment(environment, policies);
        return Results.Ok(DeploymentCalendar.Decide(policy, at ?? clock.GetUtcNow()));
    }

    /// <summary><c>GET /environments/{environment}/deployment-windows?from=YYYY-MM-DD&amp;days=N</c> (default: today, 7).</summary>
    public static IResult ListWindows(string environment, DateOnly? from, int? days, DeploymentPolicies policies, TimeProvider clock)
    {
        if (policies.Find(environment) is not { } policy)
            return UnknownEnvironment(environment, policies);
        var count = days ?? 7;
        if (count is < 1 or > MaxDays)
            return Results.Problem($"'days' must be between 1 and {MaxDays}, got {count}.", statusCode: StatusCodes.Status400BadRequest);
        var start = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Results.Ok(DeploymentCalendar.Windows(policy, start, count));
    }

    private static IResult UnknownEnvironment(string environment, DeploymentPolicies policies) =>
        Results.Problem(
            $"Unknown environment '{environment}'. Known: {string.Join(", ", policies.Environments)}.",
            statusCode: StatusCodes.Status404NotFound);
}
