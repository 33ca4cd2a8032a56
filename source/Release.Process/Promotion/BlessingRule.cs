using Release.Foundation.Oci;
using Release.Process.Approvals;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Promotion;

/// <summary>What the blessing rule is given about a release.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">Its version.</param>
/// <param name="SourceBranch">The branch it was built from.</param>
/// <param name="ImageDigest">The image digest built and pushed.</param>
/// <param name="ChartDigest">The chart digest built and pushed.</param>
/// <param name="GateDecisions">The decisions of the release's gates.</param>
public sealed record BlessingInput(
    string ReleaseId,
    SemanticVersion Version,
    string SourceBranch,
    string ImageDigest,
    string ChartDigest,
    IReadOnlyList<GateDecision> GateDecisions);

/// <summary>The outcome: a blessed release, or everything that is missing.</summary>
/// <param name="Blessed">The blessed release, or null.</param>
/// <param name="Missing">What prevents the blessing, one line each.</param>
public sealed record BlessingResult(BlessedRelease? Blessed, IReadOnlyList<string> Missing)
{
    /// <summary>True when the release was blessed.</summary>
    public bool IsBlessed => Blessed is not null;
}

/// <summary>
/// Blesses a release for production when it was built from a blessed branch (<c>main</c>/<c>master</c> by default),
/// has a stable version and valid digests, and every required gate passed (which includes every required Go).
/// </summary>
/// <param name="requiredGates">Environments whose gate must have passed, e.g. <c>production</c>.</param>
/// <param name="blessedBranches">Branches a blessed release may come from.</param>
/// <param name="clock">Stamps the blessing time.</param>
public sealed class BlessingRule(IReadOnlyList<string> requiredGates, IReadOnlyList<string> blessedBranches, TimeProvider clock)
{
    /// <summary>The seed's rule: built from main or master, production gate passed.</summary>
    /// <param name="clock">Stamps the blessing time.</param>
    public static BlessingRule SeedDefault(TimeProvider clock) => new(["production"], ["main", "master"], clock);

    /// <summary>Blesses the release or lists what is missing.</summary>
    /// <param name="input">The release, its digests and gate decisions.</param>
    public BlessingResult Evaluate(BlessingInput input)
    {
        var missing = new List<string>();
        var branch = BranchNames.Normalise(input.SourceBranch);
        if (!blessedBranches.Contains(branch, StringComparer.Ordinal))
            missing.Add($"Release {input.ReleaseId} was built from '{branch}'; only {string.Join(" or ", blessedBranches)} builds can be blessed.");
        if (input.Version.IsPreRelease)
            missing.Add($"Release {input.ReleaseId} has pre-release version {input.Version}; only stable versions can be blessed.");
        var image = TryDigest(input.ImageDigest, $"Image digest of release {input.ReleaseId}", missing);
        var chart = TryDigest(input.ChartDigest, $"Chart digest of release {input.ReleaseId}", missing);

        foreach (var gate in requiredGates)
        {
            var decision = input.GateDecisions.FirstOrDefault(d => d.Environment == gate && d.ReleaseId == input.ReleaseId);
            if (decision is null)
                missing.Add($"Gate '{gate}' has not been decided for release {input.ReleaseId}.");
            else if (!decision.Passed)
                missing.AddRange(decision.Blockers.Select(b => $"Gate '{gate}': {b}"));
        }

        return missing.Count > 0
            ? new BlessingResult(null, missing)
            : new BlessingResult(new BlessedRelease(input.ReleaseId, input.Version, image!.Value, chart!.Value, clock.GetUtcNow()), []);
    }

    private static OciDigest? TryDigest(string text, string field, List<string> missing)
    {
        try
        {
            return OciDigest.Parse(text, field);
        }
        catch (ArgumentException e)
        {
            missing.Add(e.Message);
            return null;
        }
    }
}
