using System.Net;
using System.Text.Json;

namespace Director.IntegrationTests;

public class DirectorApiTests
{
    private HttpClient _client = null!;

    [SetUp]
    public void Connect() => _client = RunningDirector.CreateClient();

    [TearDown]
    public void Disconnect() => _client.Dispose();

    private async Task<JsonElement> GetJson(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {path} answered: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Test]
    public async Task Health_reports_healthy()
    {
        var json = await GetJson("/health");
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("healthy"));
    }

    [Test]
    public async Task Version_names_a_version_and_a_commit()
    {
        var json = await GetJson("/version");
        Assert.That(json.GetProperty("version").GetString(), Is.Not.Empty);
        Assert.That(json.GetProperty("commit").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Production_is_frozen_on_christmas_eve()
    {
        var json = await GetJson("/environments/production/deployment-decision?at=2026-12-24T10:00:00Z");
        Assert.That(json.GetProperty("allowed").GetBoolean(), Is.False);
        Assert.That(json.GetProperty("reason").GetString(), Does.StartWith("Frozen"));
        Assert.That(json.GetProperty("nextOpening").GetDateTimeOffset(),
            Is.EqualTo(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Staging_lists_weekday_windows()
    {
        var json = await GetJson("/environments/staging/deployment-windows?from=2026-11-23&days=7");
        Assert.That(json.GetArrayLength(), Is.EqualTo(5));
    }

    [Test]
    public async Task Unknown_environment_is_not_found()
    {
        var json = await GetJson("/environments/nowhere/deployment-decision", HttpStatusCode.NotFound);
        Assert.That(json.GetProperty("detail").GetString(), Does.Contain("nowhere"));
    }
}
