namespace Ledger;

/// <summary>The ledger's HTTP answers, kept out of Program.cs so they are unit-tested as they are served.</summary>
public static class LedgerEndpoints
{
    /// <summary><c>GET /health</c>: the ledger needs nothing else, so it is healthy when it answers.</summary>
    public static IResult Health() => Results.Ok(new { status = "healthy" });

    /// <summary><c>POST /deployments</c>: 201 with the record, or 400 naming the missing fields.</summary>
    public static IResult Record(DeploymentRequest request, DeploymentLedger ledger)
    {
        var (record, problem) = ledger.Record(request);
        return record is not null
            ? Results.Created($"/deployments/{record.Sequence}", record)
            : Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary><c>GET /deployments?environment=ENV</c>: the deployments recorded, oldest first.</summary>
    public static IResult List(string? environment, DeploymentLedger ledger) => Results.Ok(ledger.List(environment));
}
