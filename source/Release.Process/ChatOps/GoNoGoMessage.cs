using System.Text.Json.Nodes;
using Release.Process.Approvals;

namespace Release.Process.ChatOps;

/// <summary>
/// The Go/NoGo call posted to the release channel: the gate's status (passed or its blockers, the Go roles, standing
/// vetoes), a reason box and Go and NoGo buttons whose value names the release and the gate
/// (<see cref="ChatOpsCommand.ButtonValue"/>). A click is a vote through the same rules as <c>./build.sh Vote</c>.
/// </summary>
public static class GoNoGoMessage
{
    /// <summary>The reason box's <c>block_id</c>.</summary>
    public const string ReasonBlock = "release-reason";

    /// <summary>The reason box's <c>action_id</c>.</summary>
    public const string ReasonAction = "reason";

    /// <summary>The message body (<c>text</c> and <c>blocks</c>) for chat.postMessage or a response_url.</summary>
    /// <param name="decision">The gate's decision now.</param>
    /// <param name="version">The release's version.</param>
    /// <param name="window">The gate's voting window, if any.</param>
    /// <param name="buttons">Whether to add the reason box and the buttons (not in a plain status answer).</param>
    public static JsonObject Render(GateDecision decision, string version, VotingWindow? window, bool buttons = true)
    {
        var title = $"Go/NoGo: {decision.ReleaseId} to {decision.Environment}";
        var state = decision.Passed ? ":white_check_mark: *The gate passes.*" : $":no_entry: *Blocked* ({decision.Blockers.Count}):";
        var lines = new List<string> { state };
        lines.AddRange(decision.Blockers.Select(b => "• " + SlackText.Escape(b)));
        lines.Add($"*Go from:* {(decision.GoRoles.Count == 0 ? "nobody yet" : string.Join(", ", decision.GoRoles))}");
        if (window is not null) lines.Add($"*Voting window:* {SlackText.Escape(window.ToString())}");
        if (decision.Refused.Count > 0) lines.Add($"*Refused records:* {decision.Refused.Count} (see `./build.sh GateStatus --release {version}`)");
        var blocks = new JsonArray { SlackText.Header(title), SlackText.Section(string.Join("\n", lines)) };
        if (buttons)
        {
            var value = ChatOpsCommand.ButtonValue(version, decision.Environment);
            blocks.Add(new JsonObject
            {
                ["type"] = "input", ["block_id"] = ReasonBlock, ["optional"] = true,
                ["label"] = SlackText.Plain("Reason (required for NoGo)"),
                ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = ReasonAction },
            });
            blocks.Add(new JsonObject
            {
                ["type"] = "actions", ["block_id"] = "release-vote",
                ["elements"] = new JsonArray
                {
                    Button("Go", ChatOpsCommand.GoAction, value, "primary"),
                    Button("NoGo", ChatOpsCommand.NoGoAction, value, "danger"),
                },
            });
        }
        return new JsonObject { ["text"] = $"{title}: {(decision.Passed ? "passes" : "blocked")}", ["blocks"] = blocks };
    }

    private static JsonObject Button(string text, string actionId, string value, string style) =>
        new() { ["type"] = "button", ["text"] = SlackText.Plain(text), ["action_id"] = actionId, ["value"] = value, ["style"] = style };
}
