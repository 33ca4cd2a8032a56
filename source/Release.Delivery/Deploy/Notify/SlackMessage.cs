using System.Text.Json.Nodes;

namespace Release.Delivery.Deploy.Notify;

/// <summary>Renders a <see cref="DeploymentNotice"/> as a Slack Block Kit message for an incoming webhook.</summary>
public static class SlackMessage
{
    /// <summary>Block Kit's limit on a header block's text; Slack rejects the whole message when it is exceeded.</summary>
    public const int HeaderLimit = 150;

    /// <summary>Block Kit's limit on a section block's text.</summary>
    public const int SectionLimit = 3000;

    /// <summary>The JSON body: a fallback <c>text</c>, a header, a section of fields and a link section.</summary>
    public static JsonObject Render(DeploymentNotice notice)
    {
        var title = notice.Title ?? $"{notice.Module} {notice.Version} deployed to {notice.Environment}";
        var link = Uri.TryCreate(notice.Url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? $"<{notice.Url}|{Escape(notice.Url)}>"
            : Escape(notice.Url);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Cut(title, HeaderLimit)) },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray
                {
                    Field("Module", notice.Module), Field("Version", notice.Version), Field("Environment", notice.Environment),
                    Field("Commit", notice.Commit), Field("Deployed by", notice.DeployedBy),
                },
            },
        };
        // A notice about no deployment (the release train staying) has nowhere to link to.
        if (!string.IsNullOrWhiteSpace(notice.Url))
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*Link:* {link}" } });
        if (!string.IsNullOrWhiteSpace(notice.Detail))
            blocks.Add(new JsonObject {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Escape(notice.Detail), SectionLimit) } });
        return new JsonObject
        {
            ["text"] = title, // shown in notifications and by clients without Block Kit
            ["blocks"] = blocks,
        };
    }

    // The full title stays in the fallback text; the header ends in an ellipsis and never splits a surrogate pair.
    private static string Cut(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var keep = limit - 1;
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + "…";
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Field(string name, string value) => new() { ["type"] = "mrkdwn", ["text"] = $"*{name}*\n{Escape(value)}" };

    // Slack's mrkdwn reserves only these three characters.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
