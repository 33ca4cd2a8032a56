using Release.Process.Approvals;
using Release.Process.Promotion;

namespace Release.Process.Applications.Releases;

/// <summary>The outcome of blessing a set: the blessed set, or everything that is missing.</summary>
/// <param name="Blessed">The blessed set, or null.</param>
/// <param name="Missing">What prevents the blessing, one line each.</param>
public sealed record SetBlessingResult(BlessedSet? Blessed, IReadOnlyList<string> Missing)
{
    /// <summary>True when the set was blessed.</summary>
    public bool IsBlessed => Blessed is not null;
}

/// <summary>
/// Blesses an application release as a whole: the module rule (<see cref="BlessingRule"/>: built from a blessed branch,
/// a stable version, every required gate passed) applied to the set, whose one digest stands for every module's image
/// and chart, and, since production runs each module at its pin, every module pinned at a stable version.
/// </summary>
public static class SetBlessing
{
    /// <summary>Blesses <paramref name="set"/> or lists what is missing.</summary>
    /// <param name="rule">The blessing rule of the application (required gates, blessed branches, clock).</param>
    /// <param name="set">The set.</param>
    /// <param name="sourceBranch">The branch the release was made from.</param>
    /// <param name="decisions">The decisions of the release's gates (decided on the set's record).</param>
    public static SetBlessingResult Evaluate(BlessingRule rule, ReleaseManifest set, string sourceBranch, IReadOnlyList<GateDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(set);
        var result = rule.Evaluate(
            new BlessingInput(SetRecords.ReleaseId(set), set.Version, sourceBranch, set.Digest.Value, set.Digest.Value, decisions));
        var missing = result.Missing.ToList();
        foreach (var pin in set.Modules.Where(p => p.Version.IsPreRelease))
            missing.Add($"Module '{pin.Module}' is pinned at pre-release {pin.Version} in {set.Title}: a blessed set pins stable module versions. " +
                        "Release the module from main and make the set again.");
        return missing.Count > 0 || result.Blessed is null
            ? new SetBlessingResult(null, missing)
            : new SetBlessingResult(new BlessedSet(set, result.Blessed.BlessedAt), []);
    }
}
