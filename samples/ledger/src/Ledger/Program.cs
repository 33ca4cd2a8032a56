using Ledger;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DeploymentLedger>();

var app = builder.Build();

app.MapGet("/health", LedgerEndpoints.Health);
app.MapPost("/deployments", LedgerEndpoints.Record);
app.MapGet("/deployments", LedgerEndpoints.List);

app.Run();
