using Director.Windows;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Director.Tests;

public class DeploymentEndpointsTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider TuesdayMorning = new FixedClock(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Test]
    public void Decide_defaults_to_now()
    {
        var result = DeploymentEndpoints.Decide("production", null, DeploymentPolicies.Default, TuesdayMorning);
        var decision = ((Ok<DeploymentDecision>)result).Value!;
        Assert.That(decision.Allowed, Is.True);
        Assert.That(decision.At, Is.EqualTo(TuesdayMorning.GetUtcNow()));
    }

    [Test]
    public void Unknown_environment_is_a_404_naming_the_known_ones()
    {
        var result = (ProblemHttpResult)DeploymentEndpoints.Decide("prod", null, DeploymentPolicies.Default, TuesdayMorning);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status404NotFound));
        Assert.That(result.ProblemDetails.Detail, Is.EqualTo("Unknown environment 'prod'. Known: development, production, staging."));
    }

    [Test]
    public void Windows_default_to_a_week_from_today()
    {
        var result = DeploymentEndpoints.ListWindows("staging", null, null, DeploymentPolicies.Default, TuesdayMorning);
        var windows = ((Ok<IReadOnlyList<DeploymentWindow>>)result).Value!;
        Assert.That(windows, Has.Count.EqualTo(5)); // Tue..Fri, then Mon
    }

    [TestCase(0)]
    [TestCase(91)]
    public void Windows_reject_out_of_range_days(int days)
    {
        var result = (ProblemHttpResult)DeploymentEndpoints.ListWindows("staging", null, days, DeploymentPolicies.Default, TuesdayMorning);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
        Assert.That(result.ProblemDetails.Detail, Does.Contain("between 1 and 90"));
    }

    [Test]
    public void Windows_for_an_unknown_environment_are_a_404()
    {
        var result = (ProblemHttpResult)DeploymentEndpoints.ListWindows("qa", null, 3, DeploymentPolicies.Default, TuesdayMorning);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status404NotFound));
    }
}
