using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Tests;

public class LedgerEndpointsTests
{
    private readonly DeploymentLedger _ledger = new(TimeProvider.System);

    [Test]
    public void A_recorded_deployment_is_201_at_its_sequence()
    {
        var result = (Created<DeploymentRecord>)LedgerEndpoints.Record(new("gateway", "staging", "2.0.1"), _ledger);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status201Created));
        Assert.That(result.Location, Is.EqualTo("/deployments/1"));
        Assert.That(result.Value!.Module, Is.EqualTo("gateway"));
    }

    [Test]
    public void A_deployment_without_a_version_is_400_naming_it()
    {
        var result = (ProblemHttpResult)LedgerEndpoints.Record(new("gateway", "staging", ""), _ledger);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
        Assert.That(result.ProblemDetails.Detail, Is.EqualTo("A deployment needs version."));
        Assert.That(_ledger.List(null), Is.Empty);
    }

    [Test]
    public void The_list_holds_the_environments_deployments()
    {
        LedgerEndpoints.Record(new("director", "staging", "1.0.0"), _ledger);
        LedgerEndpoints.Record(new("director", "production", "1.0.0"), _ledger);
        var result = (Ok<IReadOnlyList<DeploymentRecord>>)LedgerEndpoints.List("production", _ledger);
        Assert.That(result.Value!.Select(r => r.Environment), Is.EqualTo(new[] { "production" }));
    }

    [Test]
    public void Health_is_200() =>
        Assert.That(((IStatusCodeHttpResult)LedgerEndpoints.Health()).StatusCode, Is.EqualTo(StatusCodes.Status200OK));
}
