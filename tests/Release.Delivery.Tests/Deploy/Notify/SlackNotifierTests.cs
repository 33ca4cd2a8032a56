using System.Net;
using System.Text.Json.Nodes;
using Release.Delivery.Deploy.Notify;
using Release.Testing.Network;
using Release.Tooling.Http;

namespace Release.Delivery.Tests.Deploy.Notify;

public sealed class SlackNotifierTests
{
    private static readonly DeploymentNotice Notice = new("director", "1.2.3", "staging", "abc1234", "alice", "https://director.staging.example");

    [Test]
    public async Task Slack_rate_limiting_is_waited_out_with_Retry_After_and_the_notice_arrives_once_accepted()
    {
        await using var slack = ScriptedHttpServer.Start(
            new ScriptedAnswer(HttpStatusCode.TooManyRequests, "rate_limited", RetryAfter: "1"), new ScriptedAnswer(HttpStatusCode.OK, "ok"));
        using var http = new HttpClient();
        var lines = new List<string>();
        var webhook = new Uri(slack.BaseUrl, "services/T000/B000/secret-token").ToString();

        await new SlackNotifier(http, new HttpRetryPolicy(log: lines.Add)).NotifyAsync(webhook, Notice);

        var received = slack.Received;
        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received[1].At - received[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "Retry-After: 1 was honoured");
        Assert.That(received[1].Body, Is.EqualTo(received[0].Body), "the same message is posted again");
        Assert.That(lines, Has.One.Contains("429").And.All.Not.Contains("secret-token"));
    }

    [Test]
    public async Task A_webhook_that_keeps_failing_is_reported_after_a_bounded_number_of_attempts()
    {
        await using var slack = ScriptedHttpServer.Start(new ScriptedAnswer(HttpStatusCode.ServiceUnavailable, "down"));
        using var http = new HttpClient();
        var retry = new HttpRetryPolicy(new HttpRetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) });

        var error = Assert.ThrowsAsync<HttpRequestException>(() => new SlackNotifier(http, retry).NotifyAsync(slack.BaseUrl.ToString(), Notice));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(slack.Received, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_header_longer_than_Block_Kits_150_characters_is_cut_and_the_fallback_text_keeps_it_whole()
    {
        var notice = Notice with { Module = new string('m', 140) };

        var message = SlackMessage.Render(notice);

        var header = message["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.That(header, Has.Length.EqualTo(SlackMessage.HeaderLimit).And.EndsWith("…").And.StartsWith(new string('m', 140)));
        Assert.That(message["text"]!.GetValue<string>(), Does.EndWith("deployed to staging"));
    }

    [Test]
    public void A_short_header_is_kept_as_it_is() =>
        Assert.That(SlackMessage.Render(Notice)["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), Is.EqualTo("director 1.2.3 deployed to staging"));

    [Test]
    public void The_cut_never_splits_a_surrogate_pair()
    {
        // 148 letters then an emoji whose two UTF-16 units straddle the 149-unit cut.
        var notice = Notice with { Module = new string('m', 148) + "😀" };

        var header = SlackMessage.Render(notice)["blocks"]![0]!["text"]!["text"]!.GetValue<string>();

        Assert.That(header, Is.EqualTo(new string('m', 148) + "…"));
        Assert.That(JsonNode.Parse(SlackMessage.Render(notice).ToJsonString()), Is.Not.Null);
    }
}
