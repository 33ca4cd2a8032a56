using Release.Foundation.Oci;
using Release.Process.Versioning;
using Release.SemVer;

namespace Release.Process.Promotion;

/// <summary>A request to promote one release, by digest, to one or several environments in one go.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">Its version.</param>
/// <param name="ImageDigest">The image digest to deploy (never a tag).</param>
/// <param name="Targets">The environments, in any order.</param>
public sealed record PromotionRequest(string ReleaseId, SemanticVersion Version, string ImageDigest, IReadOnlyList<string> Targets);

/// <summary>One step of a promotion plan.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="ReleaseId">The release.</param>
/// <param name="Version">The version.</param>
/// <param name="ImageDigest">The digest to deploy.</param>
public sealed record PromotionStep(string Environment, string ReleaseId, SemanticVersion Version, OciDigest ImageDigest);

/// <summary>
/// Plans promotions along an <see cref="EnvironmentChain"/>: steps run in chain order; an environment needs the
/// same digest in the previous environment (already deployed or earlier in the same plan); environments that require
/// blessing accept only blessed digests; a version already deployed or blessed with another digest is refused
/// ("overwritten version").
/// </summary>
/// <param name="chain">The environments in order.</param>
public sealed class PromotionPlanner(EnvironmentChain chain)
{
    /// <summary>Plans the promotion or refuses it with every reason.</summary>
    /// <param name="request">What to promote where.</param>
    /// <param name="blessed">Every blessed release.</param>
    /// <param name="history">Every deployment so far, in all environments.</param>
    /// <exception cref="PromotionRefusedException">The promotion breaks a rule; the message lists each problem.</exception>
    public IReadOnlyList<PromotionStep> Plan(PromotionRequest request, IReadOnlyList<BlessedRelease> blessed, IReadOnlyList<Deployment> history)
    {
        var problems = new List<string>();
        var release = $"release {request.ReleaseId} ({request.Version})";
        OciDigest? digest = null;
        try { digest = OciDigest.Parse(request.ImageDigest, $"Image digest of {release}"); }
        catch (ArgumentException e) { problems.Add(e.Message); }
        if (request.Targets.Count == 0)
            problems.Add($"Promotion of {release} names no environment: give one or more of {chain}.");

        var targets = new List<DeploymentEnvironment>();
        foreach (var name in request.Targets.Distinct())
        {
            try { targets.Add(chain.Get(name)); }
            catch (ArgumentException e) { problems.Add(e.Message); }
        }
        if (digest is null || problems.Count > 0) throw new PromotionRefusedException(problems);

        foreach (var used in history.Select(d => (d.Version, d.ImageDigest, Where: $"deployed to {d.Environment}"))
                     .Concat(blessed.Select(b => (b.Version, b.ImageDigest, Where: "blessed")))
                     .Where(u => u.Version.Equals(request.Version) && u.ImageDigest != digest)
                     .DistinctBy(u => u.ImageDigest))
            problems.Add($"Overwritten version: {request.Version} was already {used.Where} as {used.ImageDigest}; {release} has {digest}. " +
                         "A version names one artefact forever: build a new version instead.");

        var ordered = targets.OrderBy(t => chain.IndexOf(t.Name)).ToArray();
        foreach (var target in ordered)
        {
            var index = chain.IndexOf(target.Name);
            if (index > 0)
            {
                var previous = chain.Environments[index - 1].Name;
                var inPlan = ordered.Any(t => t.Name == previous);
                var deployed = history.Any(d => d.Environment == previous && d.ImageDigest == digest);
                if (!inPlan && !deployed)
                    problems.Add($"Promotion of {release} to '{target.Name}' skips '{previous}': promote the same digest to '{previous}' first, or " +
                        "include it in this promotion.");
            }
            if (target.RequiresBlessing && !blessed.Any(b => b.ImageDigest == digest && b.Version.Equals(request.Version)))
                problems.Add($"Unblessed digest: '{target.Name}' accepts only blessed releases, and {digest} of {release} is not blessed. " +
                             "Pass the gates and bless the release from main first.");
        }

        if (problems.Count > 0) throw new PromotionRefusedException(problems);
        return ordered.Select(t => new PromotionStep(t.Name, request.ReleaseId, request.Version, digest.Value)).ToArray();
    }
}
