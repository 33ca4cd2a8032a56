using Ledger;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DeploymentLedger>();

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapPost("/deployments", (DeploymentRequest request, DeploymentLedger ledger) =>
{
    var (record, problem) = ledger.Record(request);
    return record is not null
        ? Results.Created($"/deployments/{record.Sequence}", record)
        : Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
});
app.MapGet("/deployments", (string? environment, DeploymentLedger ledger) => Results.Ok(ledger.List(environment)));

app.Run();
