using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.IntegrationTests;

/// <summary>
/// Requests that cross the modules of the deployed application: the gateway asks the director whether a deployment
/// may start and records the allowed ones in the ledger.
/// </summary>
public class CrossModuleTests
{
    private HttpClient _gateway = null!;
    private HttpClient _ledger = null!;

    [SetUp]
    public void Connect()
    {
        _gateway = RunningModules.CreateClient(RunningModules.GatewayVariable);
        _ledger = RunningModules.CreateClient(RunningModules.LedgerVariable);
    }

    [TearDown]
    public void Disconnect()
    {
        _gateway.Dispose();
        _ledger.Dispose();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<JsonElement>> LedgerEntries(string environment) =>
        (await Json(await _ledger.GetAsync($"deployments?environment={environment}"), HttpStatusCode.OK)).EnumerateArray().ToList();

    [Test]
    public async Task The_gateway_is_healthy_only_with_the_director_and_the_ledger_healthy()
    {
        var json = await Json(await _gateway.GetAsync("health"), HttpStatusCode.OK);
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("healthy"));
        Assert.That(json.GetProperty("dependencies").GetProperty("director").GetString(), Is.EqualTo("healthy"));
        Assert.That(json.GetProperty("dependencies").GetProperty("ledger").GetString(), Is.EqualTo("healthy"));
    }

    [Test]
    public async Task A_deployment_in_an_open_window_is_allowed_by_the_director_and_recorded_in_the_ledger()
    {
        var version = $"1.0.0-it.{Guid.NewGuid():N}";
        var json = await Json(await _gateway.PostAsJsonAsync("environments/staging/deployments",
            new { module = "storefront", version, at = "2026-11-24T10:00:00Z" }), HttpStatusCode.Created);

        Assert.That(json.GetProperty("decision").GetProperty("allowed").GetBoolean(), Is.True);
        Assert.That(json.GetProperty("record").GetProperty("version").GetString(), Is.EqualTo(version));
        var recorded = (await LedgerEntries("staging")).Where(e => e.GetProperty("version").GetString() == version).ToList();
        Assert.That(recorded, Has.Count.EqualTo(1), "the ledger holds the deployment the gateway let through");
        Assert.That(recorded[0].GetProperty("module").GetString(), Is.EqualTo("storefront"));
    }

    [Test]
    public async Task A_deployment_in_the_freeze_is_refused_with_the_directors_reason_and_recorded_nowhere()
    {
        var version = $"1.0.0-it.{Guid.NewGuid():N}";
        var json = await Json(await _gateway.PostAsJsonAsync("environments/production/deployments",
            new { module = "storefront", version, at = "2026-12-24T10:00:00Z" }), HttpStatusCode.Conflict);

        var decision = json.GetProperty("decision");
        Assert.That(decision.GetProperty("allowed").GetBoolean(), Is.False);
        Assert.That(decision.GetProperty("reason").GetString(), Does.StartWith("Frozen"));
        Assert.That(decision.GetProperty("nextOpening").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero)));
        Assert.That((await LedgerEntries("production")).Select(e => e.GetProperty("version").GetString()), Does.Not.Contain(version));
    }

    [Test]
    public async Task An_unknown_environment_is_a_404_with_the_directors_list_of_known_ones()
    {
        using var response = await _gateway.PostAsJsonAsync("environments/prod/deployments", new { module = "storefront", version = "1.0.0" });
        var json = await Json(response, HttpStatusCode.NotFound);
        Assert.That(json.GetProperty("detail").GetString(), Is.EqualTo("Unknown environment 'prod'. Known: development, production, staging."));
    }
}
