using System.Text.Json;

namespace Release.Process.ChatOps;

/// <summary>
/// What a verified Slack request asks, read from its form-encoded body: a button click (<c>payload=</c> holding a
/// <c>block_actions</c> JSON payload) or a slash command (<c>command=/release&amp;text=...&amp;user_id=...</c>).
/// </summary>
/// <param name="Command">What is asked, or null with <see cref="Error"/>.</param>
/// <param name="Error">Why the request is not a ChatOps request Slack sent (shown to the user).</param>
/// <param name="UserId">The Slack user who acted.</param>
/// <param name="TeamId">Their workspace.</param>
/// <param name="ResponseUrl">Where to answer the user (ephemeral answers).</param>
/// <param name="ChannelId">The channel it happened in.</param>
/// <param name="MessageTs">The clicked message's ts (threads answers under it), null for a slash command.</param>
public sealed record SlackInteraction(
    ChatOpsCommand? Command,
    string? Error,
    string UserId,
    string TeamId,
    string? ResponseUrl,
    string? ChannelId,
    string? MessageTs)
{
    /// <summary>True for a button click.</summary>
    public bool IsButton => MessageTs is not null;

    /// <summary>Reads a request body; returns an interaction with <see cref="Error"/> set when it is not one.</summary>
    /// <param name="formBody">The raw body (application/x-www-form-urlencoded).</param>
    public static SlackInteraction Parse(string formBody)
    {
        var form = Form(formBody);
        if (form.TryGetValue("payload", out var payload)) return FromPayload(payload);
        if (form.TryGetValue("command", out var command))
        {
            var parsed = ChatOpsCommand.ParseSlash(form.GetValueOrDefault("text"), out var error);
            if (command.Trim() != "/release") (parsed, error) = (null, $"'{command}' is not the /release command this endpoint serves.");
            return new SlackInteraction(parsed, error,
                form.GetValueOrDefault("user_id") ?? "", form.GetValueOrDefault("team_id") ?? "", form.GetValueOrDefault("response_url"),
                form.GetValueOrDefault("channel_id"), null);
        }
        return Invalid("The request is neither a Slack interaction (payload=) nor a slash command (command=).");
    }

    private static SlackInteraction FromPayload(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (Text(root, "type") != "block_actions") return Invalid(
                $"Slack interaction of type '{Text(root, "type")}' is not handled here; only the Go/NoGo buttons are.");
            var user = root.TryGetProperty("user", out var u) ? u : default;
            var userId = Text(user, "id") ?? "";
            var teamId = Text(root.TryGetProperty("team", out var t) ? t : default, "id") ?? Text(user, "team_id") ?? "";
            var responseUrl = Text(root, "response_url");
            var channel = Text(root.TryGetProperty("channel", out var c) ? c : default, "id") ?? Text(Container(root), "channel_id");
            var messageTs = Text(Container(root), "message_ts") ?? Text(root.TryGetProperty("message", out var m) ? m : default, "ts") ?? "";
            if (!root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
                return new SlackInteraction(null, "The interaction names no action.", userId, teamId, responseUrl, channel, messageTs);
            var action = actions[0];
            var command = ChatOpsCommand.ParseButton(Text(action, "action_id"), Text(action, "value"), Reason(root), out var error);
            return new SlackInteraction(command, error, userId, teamId, responseUrl, channel, messageTs);
        }
        catch (JsonException)
        {
            return Invalid("The interaction's payload is not JSON.");
        }
    }

    // What the user typed in the message's reason box: state.values.<block>.<action>.value.
    private static string? Reason(JsonElement root) =>
        root.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object &&
        values.TryGetProperty(GoNoGoMessage.ReasonBlock, out var block) && block.TryGetProperty(GoNoGoMessage.ReasonAction, out var input)
            ? Text(input, "value")
            : null;

    private static JsonElement Container(JsonElement root) => root.TryGetProperty("container", out var container) ? container : default;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static SlackInteraction Invalid(string error) => new(null, error, "", "", null, null, null);

    // application/x-www-form-urlencoded: '+' is a space, the rest percent-encoded; the first of a repeated name wins.
    private static Dictionary<string, string> Form(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var name = Decode(at < 0 ? pair : pair[..at]);
            form.TryAdd(name, at < 0 ? "" : Decode(pair[(at + 1)..]));
        }
        return form;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
