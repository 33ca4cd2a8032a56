using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Release.Releasing.Tests.Support;
using Release.Testing.Network;

namespace Release.Releasing.Tests;

/// <summary>
/// ChatOps on Slack over real HTTP on 127.0.0.1: the endpoint is the real listener the ChatOps target starts (this
/// repository's build definition's way of running, in-process), Slack's side is a loopback server, requests are signed
/// as Slack signs them (HMAC-SHA256 computed here, independently of the endpoint's code), and votes land in a real
/// records git repository. Every refusal is shown to the user and leaves the records repository as it was.
/// </summary>
[NonParallelizable]
public class ChatOpsTests : RegistryTestBase
{
    private const string Release = "0.1.0";
    private const string ReleaseId = "director-0.1.0";
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string BotToken = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private const string Team = "T0TEAM001";
    private const string Channel = "CREL0001";

    private ReleaseWorld _world = null!;
    private FakeSlack _slack = null!;
    private CancellationTokenSource _stop = null!;
    private Task<BuildRun> _run = null!;
    private readonly StringWriter _output = new();
    private readonly List<string> _answers = [];
    private readonly HttpClient _http = new();
    private Uri _url = null!;
    private DateTimeOffset _now;

    [OneTimeSetUp]
    public async Task StartEndpoint()
    {
        _world = await ReleaseWorld.CreateAsync(Registry);
        _world.Roster.ListSlackUser("Qa", "qa@example.com", "UQA000001");
        _world.Roster.ListSlackUser("ProductManagement", "pm@example.com", "UPM000001");
        _world.Roster.ListSlackUser("ModuleLead", ReleaseWorld.Alice.Email, "UALICE001"); // Alice authored the release's commit
        var relay = _world.Roster.RelayKey("slack-release-bot");
        _slack = new FakeSlack();
        await _world.OpenAsync();
        // The release reaches staging and pre-prod first; the promotion reports itself to the release channel.
        await _world.StageOutputsAsync("chatops image " + Guid.NewGuid());
        (await _world.RunAsync("ReleaseNotes", "QualityGate")).Succeeded();
        (await _world.RunAsync("Promote", "--release", Release, "--to", "staging,pre-prod", "--voter", "ops@example.com",
            "--slack-bot-token", BotToken, "--slack-channel", Channel, "--slack-api-url", _slack.ApiUrl)).Succeeded();

        _stop = new CancellationTokenSource();
        _now = _world.Now.AddSeconds(30); // inside the voting window; the endpoint's clock
        var port = FreePort.Next();
        _url = new Uri($"http://127.0.0.1:{port}/slack");
        _run = _world.RunAsync(new WorldRun(Signing: ["--signing-key", relay], At: _now, Stop: _stop.Token, Output: _output),
            "ChatOps", "--listen", $"127.0.0.1:{port}", "--release", Release, "--slack-signing-secret", SigningSecret, "--slack-bot-token", BotToken,
            "--slack-channel", Channel, "--slack-api-url", _slack.ApiUrl, "--slack-team", Team);
        await WaitUntilListeningAsync(port);
    }

    [OneTimeTearDown]
    public async Task StopEndpoint()
    {
        await _stop.CancelAsync();
        var run = await _run;
        _run.Dispose();
        _stop.Dispose();
        TestContext.Progress.WriteLine(run.Output);
        await _slack.DisposeAsync();
        _http.Dispose();
        _world.Dispose();
    }

    // Polls the endpoint's health path until it answers (no sleeps: each attempt is a real connection).
    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_run.IsCompleted) Assert.Fail("The ChatOps endpoint ended before listening:\n" + (await _run).Output);
            try
            {
                using var response = await _http.GetAsync($"http://127.0.0.1:{port}/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Yield();
            }
        }
    }

    [Test]
    public void Promotions_are_reported_to_the_release_channel()
    {
        var reports = _slack.Calls.Where(c => c.Path == "/api/chat.postMessage" && c.Body.Contains("promoted to", StringComparison.Ordinal)).ToArray();
        Assert.That(reports.Select(r => r.Json["text"]!.GetValue<string>()), Is.EqualTo(new[] { ReleaseId + " promoted to staging", ReleaseId + " promoted to pre-prod" }));
        Assert.That(reports.Select(r => r.Json["channel"]!.GetValue<string>()), Is.All.EqualTo(Channel));
        Assert.That(reports[0].Body, Does.Contain("ops@example.com").And.Contain("sha256:"));
    }

    [Test]
    public async Task The_Go_NoGo_call_is_posted_to_the_release_channel_with_Go_and_NoGo_buttons_when_the_window_is_open()
    {
        var call = await _slack.WaitForAsync(c => c.Path == "/api/chat.postMessage" && c.Body.Contains("Go/NoGo: " + ReleaseId, StringComparison.Ordinal));
        Assert.That(call.Authorization, Is.EqualTo("Bearer " + BotToken));
        var message = call.Json;
        Assert.That(message["channel"]!.GetValue<string>(), Is.EqualTo(Channel));
        var buttons = message["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        Assert.That(buttons.Select(b => b!["action_id"]!.GetValue<string>()), Is.EqualTo(new[] { "release-go", "release-nogo" }));
        Assert.That(buttons.Select(b => b!["value"]!.GetValue<string>()), Is.All.EqualTo($"{Release}|production"));
        Assert.That(call.Body, Does.Contain("Blocked").And.Contain("no Go yet from"));
    }

    [Test]
    public async Task GoNoGoCall_posts_the_call_on_demand()
    {
        int Calls() => _slack.Calls.Count(c => c.Path == "/api/chat.postMessage" && c.Body.Contains("Go/NoGo: " + ReleaseId, StringComparison.Ordinal));
        await _slack.WaitForAsync(c => c.Body.Contains("Go/NoGo: " + ReleaseId, StringComparison.Ordinal)); // the endpoint's own call, made at start
        var before = Calls();
        var run = (await _world.RunAsync(new WorldRun(At: _now.AddMinutes(10)), "GoNoGoCall", "--release", Release,
            "--slack-bot-token", BotToken, "--slack-channel", Channel, "--slack-api-url", _slack.ApiUrl)).Succeeded();
        Assert.That(Calls(), Is.EqualTo(before + 1));
        Assert.That(run.Output, Does.Contain("posted the Go/NoGo call for " + ReleaseId).And.Not.Contain(BotToken));
    }

    [Test]
    public async Task A_Go_clicked_in_Slack_is_recorded_as_the_mapped_voters_signed_by_the_relay_and_answered_in_the_thread()
    {
        var before = await _world.RecordCommitsAsync();
        var (status, _, _) = await SendAsync(ButtonBody("UQA000001", "release-go", "QA suite green on pre-prod", _slack.NewResponseUrl()), _now);
        Assert.That(status, Is.EqualTo(200));

        var answer = await _slack.WaitForAsync(c => c.Path == "/api/chat.postMessage" && c.Body.Contains("qa@example.com", StringComparison.Ordinal));
        Assert.That(answer.Json["thread_ts"]!.GetValue<string>(), Is.EqualTo(FakeSlack.MessageTs));
        Assert.That(answer.Json["text"]!.GetValue<string>(), Does.Contain("*Go* by qa@example.com as Qa recorded on " + ReleaseId).And.Contain("still blocked"));
        Assert.That(await _world.RecordCommitsAsync(), Is.EqualTo(before + 1));
        var record = await _world.RecordAsync(ReleaseId);
        Assert.That(record, Does.Contain("\"voter\": \"qa@example.com\"").And.Contain($"\"via\": \"slack:{Team}/UQA000001\"").And.Contain("\"reason\": \"QA suite green on pre-prod\""));

        // The relayed vote verifies like any signed vote: counted, nothing refused.
        var gate = (await _world.RunAsync(new WorldRun(At: _now.AddMinutes(10)), "GateStatus", "--release", Release)).Succeeded().Output;
        Assert.That(gate, Does.Contain("Go from Qa").And.Not.Contain("REFUSED"));
    }

    [Test]
    public async Task A_forged_signature_is_refused_with_the_reason_and_nothing_is_recorded_or_posted()
    {
        var before = await _world.RecordCommitsAsync();
        var responseUrl = _slack.NewResponseUrl();
        var (status, body, _) = await SendAsync(ButtonBody("UQA000001", "release-go", "forged", responseUrl), _now, secret: "not-the-signing-secret");
        Assert.That(status, Is.EqualTo(401));
        Assert.That(body, Does.Contain("does not match this app's signing secret").And.Contain("forged"));
        await AssertNothingRecordedAsync(before, responseUrl);
    }

    [Test]
    public async Task An_expired_timestamp_is_refused_with_the_reason_and_nothing_is_recorded()
    {
        var before = await _world.RecordCommitsAsync();
        var responseUrl = _slack.NewResponseUrl();
        var (status, body, _) = await SendAsync(ButtonBody("UQA000001", "release-go", "old", responseUrl), _now.AddMinutes(-6));
        Assert.That(status, Is.EqualTo(401));
        Assert.That(body, Does.Contain("more than 5 minutes").And.Contain("expired"));
        await AssertNothingRecordedAsync(before, responseUrl);
    }

    [Test]
    public async Task A_replayed_request_is_refused_and_records_nothing_the_second_time()
    {
        var responseUrl = _slack.NewResponseUrl();
        var request = SlashBody("UPM000001", $"nogo {Release} release notes miss the migration", responseUrl);
        var first = await SendAsync(request, _now);
        Assert.That(first.Status, Is.EqualTo(200));
        Assert.That(first.Body, Does.Contain("Working on it"));
        var recorded = await _slack.WaitForAsync(c => c.Path.EndsWith(new Uri(responseUrl).AbsolutePath, StringComparison.Ordinal));
        Assert.That(recorded.Body, Does.Contain("NoGo* by pm@example.com as ProductManagement recorded"));
        var before = await _world.RecordCommitsAsync();

        var replay = await SendAsync(request, _now, sameAs: first.Signed);
        Assert.That(replay.Status, Is.EqualTo(401));
        Assert.That(replay.Body, Does.Contain("already received").And.Contain("replay"));
        await AssertNothingRecordedAsync(before, null);
        Assert.That(_slack.Calls.Count(c => c.Path == new Uri(responseUrl).AbsolutePath), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_Slack_user_is_refused_with_the_fix_and_nothing_is_recorded()
    {
        var before = await _world.RecordCommitsAsync();
        var responseUrl = _slack.NewResponseUrl();
        var (status, _, _) = await SendAsync(ButtonBody("UNOBODY01", "release-go", "lgtm", responseUrl), _now);
        Assert.That(status, Is.EqualTo(200));
        var answer = await _slack.WaitForAsync(c => c.Path == new Uri(responseUrl).AbsolutePath);
        Assert.That(answer.Json["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(answer.Json["text"]!.GetValue<string>(), Does.Contain("Refused: Slack user UNOBODY01 is not on the release roster").And.Contain("slack=UNOBODY01"));
        await AssertNothingRecordedAsync(before, null);
    }

    [Test]
    public async Task The_releases_author_voting_Go_from_Slack_is_refused_by_the_same_rule_as_Vote_and_nothing_is_recorded()
    {
        var before = await _world.RecordCommitsAsync();
        var responseUrl = _slack.NewResponseUrl();
        var (status, body, _) = await SendAsync(SlashBody("UALICE001", $"go {Release} looks fine to me", responseUrl), _now);
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body, Does.Contain("ephemeral"));
        var answer = await _slack.WaitForAsync(c => c.Path == new Uri(responseUrl).AbsolutePath);
        Assert.That(answer.Json["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(answer.Json["text"]!.GetValue<string>(),
            Does.Contain("Refused: Go by alice@example.com (ModuleLead)").And.Contain("authored changes in this release").And.Contain("AuthorSelfApproval"));
        await AssertNothingRecordedAsync(before, null);
    }

    [Test]
    public async Task Status_answers_only_the_asking_user_and_secrets_never_appear_in_answers_posts_or_the_log()
    {
        var responseUrl = _slack.NewResponseUrl();
        var (status, _, _) = await SendAsync(SlashBody("UQA000001", "status", responseUrl), _now);
        Assert.That(status, Is.EqualTo(200));
        var answer = await _slack.WaitForAsync(c => c.Path == new Uri(responseUrl).AbsolutePath);
        Assert.That(answer.Json["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(answer.Body, Does.Contain("Go/NoGo: " + ReleaseId).And.Not.Contain("release-go"));
        // A forged request too, so its refusal is in the log and the answers.
        await SendAsync(SlashBody("UQA000001", "status", _slack.NewResponseUrl()), _now, secret: "guess");

        string[] everything = [_output.ToString(), .. _answers, .. _slack.Calls.Select(c => c.Path + "\n" + c.Body)];
        Assert.That(_output.ToString(), Does.Contain("ChatOps: listening on").And.Contain("refused a request"));
        foreach (var text in everything)
        {
            Assert.That(text, Does.Not.Contain(SigningSecret));
            Assert.That(text, Does.Not.Contain(BotToken));
        }
    }

    [Test]
    public async Task The_endpoint_does_not_start_with_a_persons_key_instead_of_the_relay_key()
    {
        var run = await _world.RunAsync(new WorldRun(Signing: ["--signing-key", _world.Roster.KeyOf("qa@example.com")], At: _now),
            "ChatOps", "--listen", $"127.0.0.1:{FreePort.Next()}", "--slack-signing-secret", SigningSecret);
        run.Refused("is qa@example.com's, not a ChatOps relay key", "'chatops slack-release-bot ssh-ed25519 AAAA...'");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain(SigningSecret));
    }

    private async Task AssertNothingRecordedAsync(int before, string? responseUrl)
    {
        Assert.That(await _world.RecordCommitsAsync(), Is.EqualTo(before), "the records repository changed");
        if (responseUrl is not null)
            Assert.That(_slack.Calls.Where(c => c.Path == new Uri(responseUrl).AbsolutePath), Is.Empty, "a refused request's response_url was called");
    }

    // Sends a form body as Slack does: X-Slack-Request-Timestamp and v0= HMAC-SHA256 over "v0:TS:BODY" (or the
    // headers of an earlier request, for a replay).
    private async Task<(int Status, string Body, (string Timestamp, string Signature) Signed)> SendAsync(string body, DateTimeOffset at,
        string secret = SigningSecret, (string Timestamp, string Signature)? sameAs = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var signed = sameAs ?? (timestamp, signature);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", signed.Timestamp);
        request.Headers.Add("X-Slack-Signature", signed.Signature);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        lock (_answers) _answers.Add(text);
        return ((int)response.StatusCode, text, signed);
    }

    private static string ButtonBody(string user, string action, string reason, string responseUrl)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = Team },
            ["api_app_id"] = "A0RELEASE1",
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "bank" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = FakeSlack.MessageTs, ["channel_id"] = Channel, ["is_ephemeral"] = false },
            ["trigger_id"] = "1234.5678.abcdef",
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "releases" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = FakeSlack.MessageTs, ["text"] = "Go/NoGo: " + ReleaseId },
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject { ["release-reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } } },
            },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["action_id"] = action, ["block_id"] = "release-vote", ["type"] = "button", ["value"] = $"{Release}|production",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Go" }, ["action_ts"] = "1764066700.123456",
                },
            },
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    private static string SlashBody(string user, string text, string responseUrl) =>
        string.Join('&', new[]
        {
            ("token", "deprecated-verification-token"), ("team_id", Team), ("team_domain", "bank"), ("channel_id", Channel), ("channel_name", "releases"),
            ("user_id", user), ("user_name", user.ToLowerInvariant()), ("command", "/release"), ("text", text), ("api_app_id", "A0RELEASE1"),
            ("response_url", responseUrl), ("trigger_id", "1234.5678.abcdef"),
        }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2).Replace("%20", "+")}"));
}
