using Release.Releasing.Tests.Support;

namespace Release.Releasing.Tests;

/// <summary>
/// The daily release train (Go/NoGo 16:00, release 17:00 India Standard Time, weekdays) run with the real commands,
/// signed records, real git repositories, a real registry and Slack's webhook on a loopback server: at 17:01 IST with
/// every Go the train blesses and promotes to production; with a Go missing it releases nothing, posts why and fails;
/// outside release time it releases nothing, posts nothing and fails saying when the next train leaves.
/// </summary>
[NonParallelizable]
public class ReleaseTrainTests : RegistryTestBase
{
    // Wednesday 2026-11-25 (the world's day): 17:01 and 16:20 India Standard Time.
    private static readonly DateTimeOffset ReleaseTime = new(2026, 11, 25, 11, 31, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DuringTheCall = new(2026, 11, 25, 10, 50, 0, TimeSpan.Zero);

    private static async Task ReadyForProductionAsync(ReleaseWorld world, string? skipVoteOf = null)
    {
        await world.OpenAsync();
        await world.StageOutputsAsync("train image " + Guid.NewGuid());
        (await world.RunAsync("ReleaseNotes", "QualityGate")).Succeeded();
        (await world.RunAsync("Promote", "--release", "0.1.0", "--to", "staging", "--voter", "ops@example.com")).Succeeded();
        (await world.RunAsync("Promote", "--release", "0.1.0", "--to", "pre-prod", "--voter", "ops@example.com")).Succeeded();
        await world.VoteAndAttestAsync("0.1.0", skipVoteOf: skipVoteOf);
    }

    private static string Webhook(FakeSlack slack) => new Uri(new Uri(slack.ApiUrl), "/services/T000/B000/train-secret").ToString();

    [Test]
    public async Task At_release_time_with_the_gate_go_the_train_blesses_and_promotes_the_release_to_production()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await ReadyForProductionAsync(world);
        await using var slack = new FakeSlack();
        var before = await world.Production.ResolveAsync("refs/heads/main");

        var run = (await world.RunAsync(new WorldRun(At: ReleaseTime), "TrainDeparture", "Bless", "Promote", "--release", "0.1.0", "--to", "production",
            "--voter", "ops@example.com", "--slack-webhook", Webhook(slack))).Succeeded();

        Assert.That(run.Output, Does.Contain("director-0.1.0 leaves on the 17:00 train of Wed 2026-11-25: its gate is Go."));
        Assert.That(run.Output.IndexOf("leaves on the 17:00 train", StringComparison.Ordinal), Is.LessThan(run.Output.IndexOf("Blessed", StringComparison.OrdinalIgnoreCase)),
            "the train departs before the release is blessed");
        Assert.That(await world.Production.ResolveAsync("refs/heads/main"), Is.Not.EqualTo(before));
        Assert.That(await world.GitopsHeadAsync(world.Production), Does.Contain("deploy(production): director 0.1.0"));
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Contain("\"event\": \"blessed\"").And.Contain("\"environment\": \"production\""));
        Assert.That(slack.Calls.Select(c => c.Json["text"]!.GetValue<string>()), Is.EqualTo(new[] { "director 0.1.0 deployed to production" }),
            "the deployment's own notice, and no NoGo notice");
    }

    [Test]
    public async Task Without_every_go_the_train_releases_nothing_tells_slack_why_and_fails_and_outside_release_time_it_only_fails()
    {
        using var world = await ReleaseWorld.CreateAsync(Registry);
        await ReadyForProductionAsync(world, skipVoteOf: "product-management");
        await using var slack = new FakeSlack();
        var before = await world.Production.ResolveAsync("refs/heads/main");

        (await world.RunAsync(new WorldRun(At: DuringTheCall), "TrainDeparture", "Bless", "Promote", "--release", "0.1.0", "--to", "production",
                "--voter", "ops@example.com", "--slack-webhook", Webhook(slack)))
            .Refused("It is Wed 2026-11-25 16:20 +05:30, not release time: the train leaves at 17:00 (Go/NoGo at 16:00). Next departure: Wed 2026-11-25 17:00 +05:30.",
                "Nothing was released.");
        Assert.That(slack.Calls, Is.Empty, "no train was due: nothing to tell the team");

        var noGo = (await world.RunAsync(new WorldRun(At: ReleaseTime), "TrainDeparture", "Bless", "Promote", "--release", "0.1.0", "--to", "production",
                "--voter", "ops@example.com", "--slack-webhook", Webhook(slack)))
            .Refused("The 17:00 train of Wed 2026-11-25 leaves without director-0.1.0: its gate is not Go:", "Next departure: Thu 2026-11-26 17:00 +05:30.");
        Assert.That(noGo.Output, Does.Contain("ProductManagement"), "the missing role is named");
        Assert.That(noGo.Output, Does.Not.Contain("train-secret"), "the webhook URL is a secret");

        Assert.That(await world.Production.ResolveAsync("refs/heads/main"), Is.EqualTo(before), "production was not touched");
        Assert.That(await world.RecordAsync("director-0.1.0"), Does.Not.Contain("\"event\": \"blessed\""));
        var notice = slack.Calls.Single();
        Assert.That(notice.Path, Is.EqualTo("/services/T000/B000/train-secret"));
        Assert.That(notice.Json["text"]!.GetValue<string>(), Is.EqualTo("No release today: director-0.1.0 missed the 17:00 train (gate not Go)"));
        var blocks = notice.Json["blocks"]!.AsArray();
        Assert.That(blocks.Select(b => b!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "header", "section", "section" }), "no link: nothing was deployed");
        Assert.That(blocks[2]!["text"]!["text"]!.GetValue<string>(), Does.Contain("leaves without director-0.1.0").And.Contain("no Go yet from: ProductManagement")
            .And.Contain("Next departure: Thu 2026-11-26 17:00 +05:30"));
        Assert.That(notice.Body, Does.Contain("release-train"));
    }
}
