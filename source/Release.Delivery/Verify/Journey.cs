namespace Release.Delivery.Verify;

/// <summary>
/// A short scripted journey: requests in order, each checked like an <see cref="HttpCheck"/>, where values captured
/// from one answer (<see cref="JourneyStep.Capture"/>) are carried into the later steps' paths and bodies as
/// <c>{name}</c>. The journey stops at its first failing step.
/// </summary>
/// <param name="Name">What the journey is called in logs, records and reports.</param>
/// <param name="Steps">The requests, in order.</param>
public sealed record Journey(string Name, IReadOnlyList<JourneyStep> Steps);

/// <summary>One request of a <see cref="Journey"/>.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c> or <c>POST</c>.</param>
/// <param name="Path">The path (and query), with <c>{name}</c> placeholders for captured values.</param>
public sealed record JourneyStep(string Method, string Path)
{
    /// <summary>A JSON body to send (placeholders allowed), or null for none.</summary>
    public string? Body { get; init; }

    /// <summary>The status the answer must have (default 200).</summary>
    public int ExpectedStatus { get; init; } = 200;

    /// <summary>Text the body must contain after placeholders are filled in, or null.</summary>
    public string? BodyContains { get; init; }

    /// <summary>
    /// Values to carry on: name → location in the JSON answer, as dot-separated property names and array indexes,
    /// e.g. <c>0.start</c> for the first element's <c>start</c> (names compared ignoring case).
    /// </summary>
    public IReadOnlyDictionary<string, string> Capture { get; init; } = new Dictionary<string, string>();

    /// <summary>A GET step.</summary>
    /// <param name="path">The path, with placeholders.</param>
    public static JourneyStep Get(string path) => new("GET", path);
}
