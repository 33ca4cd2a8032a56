using System.Text.Json.Serialization;
using Director;
using Director.Windows;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(BuildInfo.FromAssemblyAndEnvironment(typeof(BuildInfo).Assembly, Environment.GetEnvironmentVariable));
builder.Services.AddSingleton(DeploymentPolicies.Default);
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapGet("/version", (BuildInfo info) => Results.Ok(info));
app.MapGet("/environments/{environment}/deployment-decision", DeploymentEndpoints.Decide);
app.MapGet("/environments/{environment}/deployment-windows", DeploymentEndpoints.ListWindows);

app.Run();
