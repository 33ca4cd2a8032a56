using System.Text.Json.Nodes;
using Release.Process.Approvals;
using Release.Process.ChatOps;

namespace Release.Process.Tests.ChatOps;

/// <summary>Reading Slack's slash commands and button payloads, and mapping a Slack user to a voter.</summary>
public class SlackInteractionTests
{
    [TestCase("status", ChatOpsVerb.Status, null, "")]
    [TestCase("go v1.4.0 all green", ChatOpsVerb.Go, "1.4.0", "all green")]
    [TestCase("NoGo DR plan untested", ChatOpsVerb.NoGo, null, "DR plan untested")]
    [TestCase("nogo 1.5.0-rc.1", ChatOpsVerb.NoGo, "1.5.0-rc.1", "")]
    public void The_slash_command_reads_verb_version_and_reason(string text, ChatOpsVerb verb, string? version, string reason)
    {
        var command = ChatOpsCommand.ParseSlash(text, out var error);
        Assert.That(error, Is.Null);
        Assert.That(command, Is.EqualTo(new ChatOpsCommand(verb, version, null, reason)));
    }

    [Test]
    public void A_form_encoded_slash_command_and_an_unknown_verb()
    {
        var ok = SlackInteraction.Parse("team_id=T1&user_id=U2&command=%2Frelease&text=nogo+1.4.0+notes+%26+docs&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&channel_id=C3");
        Assert.That(ok.Command, Is.EqualTo(new ChatOpsCommand(ChatOpsVerb.NoGo, "1.4.0", null, "notes & docs")));
        Assert.That((ok.UserId, ok.TeamId, ok.ChannelId, ok.ResponseUrl, ok.IsButton), Is.EqualTo(("U2", "T1", "C3", "https://hooks.slack.com/commands/1", false)));
        var bad = SlackInteraction.Parse("user_id=U2&command=%2Frelease&text=ship+it");
        Assert.That(bad.Command, Is.Null);
        Assert.That(bad.Error, Does.Contain("'ship' is not status, go or nogo").And.Contain("/release status"));
    }

    [Test]
    public void A_button_payload_reads_the_release_gate_reason_and_thread()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions", ["user"] = new JsonObject { ["id"] = "U2", ["team_id"] = "T1" }, ["team"] = new JsonObject { ["id"] = "T1" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "C3" }, ["response_url"] = "https://hooks.slack.com/actions/1",
            ["state"] = new JsonObject { ["values"] = new JsonObject { [GoNoGoMessage.ReasonBlock] = new JsonObject { [GoNoGoMessage.ReasonAction] = new JsonObject { ["value"] = "no DR plan" } } } },
            ["actions"] = new JsonArray { new JsonObject { ["action_id"] = ChatOpsCommand.NoGoAction, ["value"] = ChatOpsCommand.ButtonValue("1.4.0", "production") } },
        };
        var click = SlackInteraction.Parse("payload=" + Uri.EscapeDataString(payload.ToJsonString()));
        Assert.That(click.Command, Is.EqualTo(new ChatOpsCommand(ChatOpsVerb.NoGo, "1.4.0", "production", "no DR plan")));
        Assert.That((click.IsButton, click.MessageTs, click.ChannelId), Is.EqualTo((true, "1.2", "C3")));
    }

    [Test]
    public void A_Slack_user_votes_as_their_only_role_at_the_gate_or_the_role_they_already_claimed()
    {
        var roster = new RoleRoster(new Dictionary<ApprovalRole, IReadOnlyList<string>>
            {
                [ApprovalRole.Qa] = ["qa@example.com", "both@example.com"], [ApprovalRole.Sre] = ["both@example.com"],
            })
            .WithSlackUser("UQA000001", "qa@example.com").WithSlackUser("UBOTH0001", "both@example.com");
        var gate = GatePolicy.SeedDefault().WithRoster(roster);
        Assert.That(SlackVoter.Resolve([roster], gate, "UQA000001", [], []), Is.EqualTo(new SlackVoter("qa@example.com", ApprovalRole.Qa, null)));
        Assert.That(SlackVoter.Resolve([roster], gate, "UNOBODY01", [], []).Refusal, Does.Contain("not on the release roster").And.Contain("slack=UNOBODY01"));
        Assert.That(SlackVoter.Resolve([roster], gate, "UBOTH0001", [], []).Refusal, Does.Contain("several roles").And.Contain("--role"));
        var voted = new Vote("director-1.4.0", "production", ApprovalRole.Sre, "both@example.com", VoteDecision.NoGo, "x", DateTimeOffset.UnixEpoch);
        Assert.That(SlackVoter.Resolve([roster], gate, "UBOTH0001", [voted], []).Role, Is.EqualTo(ApprovalRole.Sre));
    }

    [Test]
    public void The_Go_NoGo_call_escapes_what_people_wrote()
    {
        var decision = new GateDecision("director-1.4.0", "production", [], ["NoGo from eve: <!channel> & <https://evil|click>"], []);
        var section = GoNoGoMessage.Render(decision, "1.4.0", VotingWindow.SeedDefault())["blocks"]![1]!["text"]!["text"]!.GetValue<string>();
        Assert.That(section, Does.Contain("NoGo from eve: &lt;!channel&gt; &amp; &lt;https://evil|click&gt;").And.Not.Contain("<"));
    }
}
