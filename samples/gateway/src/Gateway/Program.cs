using Gateway;

var builder = WebApplication.CreateBuilder(args);
var upstreams = Upstreams.FromEnvironment(Environment.GetEnvironmentVariable);
builder.Services.AddHttpClient("director", c => c.BaseAddress = upstreams.Director);
builder.Services.AddHttpClient("ledger", c => c.BaseAddress = upstreams.Ledger);
builder.Services.AddTransient(s =>
{
    var clients = s.GetRequiredService<IHttpClientFactory>();
    return new DeploymentGate(clients.CreateClient("director"), clients.CreateClient("ledger"));
});
builder.Services.AddTransient(s =>
{
    var clients = s.GetRequiredService<IHttpClientFactory>();
    return new DependencyHealth(new Dictionary<string, HttpClient> { ["director"] = clients.CreateClient("director"), ["ledger"] = clients.CreateClient("ledger") });
});

var app = builder.Build();

app.MapGet("/health", (DependencyHealth health, CancellationToken cancellationToken) => health.CheckAsync(cancellationToken));
app.MapPost("/environments/{environment}/deployments", (string environment, DeploymentAsk ask, DeploymentGate gate, CancellationToken cancellationToken) =>
    gate.DeployAsync(environment, ask, cancellationToken));

app.Run();
