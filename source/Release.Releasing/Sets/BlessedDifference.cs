using Release.Process.Applications.Releases;

namespace Release.Releasing.Sets;

/// <summary>
/// Says, when a production-like step refuses a set that is not blessed, which modules' digests differ from the set last
/// blessed: the refusal is the planner's (<see cref="BatchPromotionPlanner"/>), this only points at the modules to look at.
/// </summary>
internal static class BlessedDifference
{
    /// <summary>One line per module whose pin is not the last blessed set's; none when the set is blessed or no step needs blessing.</summary>
    public static IEnumerable<string> Of(ReleaseManifest set, IEnumerable<string> targets, SetChain chain, IReadOnlyList<BlessedSet> blessed)
    {
        var needsBlessing = targets.Select(chain.StepIndexOf).Any(i => i >= 0 && chain.Steps[i].RequiresBlessing);
        if (!needsBlessing || blessed.Any(b => b.Set.Digest == set.Digest)) yield break;
        if (blessed.Where(b => b.Set.Application == set.Application).MaxBy(b => b.BlessedAt) is not { } last) yield break;
        foreach (var pin in set.Modules)
        {
            var pinned = last.Set.PinOf(pin.Module);
            if (pinned is null || !pin.SameArtefactsAs(pinned))
                yield return $"module '{pin.Module}': {pin.Identity} is not a blessed digest (the last blessed set, {last.Set.Title}, pins " +
                             $"{pinned?.Identity ?? "no such module"}).";
        }
    }
}
