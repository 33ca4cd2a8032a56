using System.Text.Json.Nodes;

namespace Release.Process.ChatOps;

/// <summary>
/// A "publishing report" for the release channel: what happened to a release (promoted, rolled back, evidence written)
/// as a header and a section of fields, with the title as the notification text.
/// </summary>
public static class ReleaseReportMessage
{
    /// <summary>The message body for chat.postMessage.</summary>
    /// <param name="title">What happened, e.g. <c>director-1.4.0 promoted to production</c>.</param>
    /// <param name="fields">Name and value pairs, shown in order (values are escaped).</param>
    public static JsonObject Render(string title, IEnumerable<(string Name, string Value)> fields)
    {
        var section = new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray(fields.Take(10) // Block Kit allows ten fields in a section
                .Select(f => (JsonNode)new JsonObject {
                    ["type"] = "mrkdwn",
                    ["text"] = SlackText.Cut($"*{SlackText.Escape(f.Name)}*\n{SlackText.Escape(f.Value)}", 2000) })
                .ToArray()),
        };
        return new JsonObject { ["text"] = title, ["blocks"] = new JsonArray { SlackText.Header(title), section } };
    }
}
