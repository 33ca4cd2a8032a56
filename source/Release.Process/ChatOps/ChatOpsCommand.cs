using Release.Process.Approvals;
using Release.SemVer;

namespace Release.Process.ChatOps;

/// <summary>What a person asks of the release in Slack.</summary>
public enum ChatOpsVerb
{
    /// <summary>Show the gate's status.</summary>
    Status,

    /// <summary>Vote Go.</summary>
    Go,

    /// <summary>Vote NoGo (a reason is required, as for <c>./build.sh Vote</c>).</summary>
    NoGo,
}

/// <summary>
/// One request from Slack: the <c>/release status|go|nogo [VERSION] [REASON]</c> slash command, or a click on the Go/NoGo
/// message's buttons (whose value names the release and the gate, <see cref="ButtonValue"/>).
/// </summary>
/// <param name="Verb">What is asked.</param>
/// <param name="Version">The release version named, or null for the endpoint's release.</param>
/// <param name="Environment">The gate named (buttons), or null for the endpoint's.</param>
/// <param name="Reason">The vote's reason (may be empty for a Go).</param>
public sealed record ChatOpsCommand(ChatOpsVerb Verb, string? Version, string? Environment, string Reason)
{
    /// <summary>The <c>action_id</c> of the Go button.</summary>
    public const string GoAction = "release-go";

    /// <summary>The <c>action_id</c> of the NoGo button.</summary>
    public const string NoGoAction = "release-nogo";

    /// <summary>How to use the slash command, shown on a mistake.</summary>
    public const string Usage = "Use `/release status [VERSION]`, `/release go [VERSION] REASON` or `/release nogo [VERSION] REASON`.";

    /// <summary>A button's value: <c>VERSION|ENVIRONMENT</c>.</summary>
    public static string ButtonValue(string version, string environment) => $"{version}|{environment}";

    /// <summary>Reads the slash command's text; null with <paramref name="error"/> when it is not one.</summary>
    /// <param name="text">What follows <c>/release</c>.</param>
    /// <param name="error">What was wrong, with the usage.</param>
    public static ChatOpsCommand? ParseSlash(string? text, out string? error)
    {
        error = null;
        var words = (text ?? "").Split((char[])[' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            error = "Nothing asked. " + Usage;
            return null;
        }
        ChatOpsVerb? verb = words[0].ToLowerInvariant() switch
        {
            "status" => ChatOpsVerb.Status,
            "go" => ChatOpsVerb.Go,
            "nogo" or "no-go" => ChatOpsVerb.NoGo,
            _ => null,
        };
        if (verb is null)
        {
            error = $"'{words[0]}' is not status, go or nogo. " + Usage;
            return null;
        }
        var rest = words.Length > 1 ? words[1].Trim() : "";
        string? version = null;
        var first = rest.Split((char[])[' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (first.Length > 0 && VersionOf(first[0]) is { } named)
        {
            version = named;
            rest = first.Length > 1 ? first[1].Trim() : "";
        }
        return new ChatOpsCommand(verb.Value, version, null, rest);
    }

    /// <summary>Reads a button click; null with <paramref name="error"/> when the action is not one of the Go/NoGo buttons.</summary>
    /// <param name="actionId">The action's <c>action_id</c>.</param>
    /// <param name="value">The button's value (<see cref="ButtonValue"/>).</param>
    /// <param name="reason">What the clicker typed in the message's reason box, if anything.</param>
    /// <param name="error">What was wrong.</param>
    public static ChatOpsCommand? ParseButton(string? actionId, string? value, string? reason, out string? error)
    {
        error = null;
        ChatOpsVerb? verb = actionId switch { GoAction => ChatOpsVerb.Go, NoGoAction => ChatOpsVerb.NoGo, _ => null };
        var parts = (value ?? "").Split('|');
        if (verb is null || parts.Length != 2 || VersionOf(parts[0]) is not { } version || parts[1].Trim().Length == 0)
        {
            error = $"This button ({actionId}) is not a Go/NoGo button of a release. " + Usage;
            return null;
        }
        return new ChatOpsCommand(verb.Value, version, parts[1].Trim(), reason?.Trim() ?? "");
    }

    /// <summary>The vote decision of a Go or NoGo; null for Status.</summary>
    public VoteDecision? Decision => Verb switch { ChatOpsVerb.Go => VoteDecision.Go, ChatOpsVerb.NoGo => VoteDecision.NoGo, _ => null };

    private static string? VersionOf(string word)
    {
        var text = word.StartsWith('v') || word.StartsWith('V') ? word[1..] : word;
        return SemanticVersion.TryParse(text, out var version, out _) ? version!.ToString() : null;
    }
}
