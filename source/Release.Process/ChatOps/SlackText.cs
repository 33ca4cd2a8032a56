using System.Text.Json.Nodes;

namespace Release.Process.ChatOps;

/// <summary>The small pieces of Slack's message format the ChatOps messages share.</summary>
public static class SlackText
{
    /// <summary>Block Kit's limit on a header block's text.</summary>
    public const int HeaderLimit = 150;

    /// <summary>Block Kit's limit on a section's text.</summary>
    public const int SectionLimit = 3000;

    /// <summary>Escapes the three characters Slack's mrkdwn reserves, so text cannot inject links or mentions.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A <c>plain_text</c> object.</summary>
    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = Cut(text, HeaderLimit) };

    /// <summary>A section block with mrkdwn text (already escaped where it holds user text).</summary>
    public static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, SectionLimit) } };

    /// <summary>A header block.</summary>
    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = Plain(text) };

    /// <summary>Cuts text to <paramref name="limit"/> characters with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var keep = limit - 1;
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + "…";
    }
}
