namespace Release.Releasing.ChatOps;

/// <summary>What the endpoint answers Slack's HTTP request at once (within Slack's three seconds), and the work left to do after.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (JSON for a slash command's first answer, else plain text).</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Then">The work done after answering (recording the vote and answering through Slack), or null.</param>
internal sealed record ChatOpsAnswer(
    int Status,
    string Body,
    string ContentType = "text/plain; charset=utf-8",
    Func<CancellationToken, Task>? Then = null);
