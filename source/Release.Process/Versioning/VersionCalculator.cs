using Release.SemVer;

namespace Release.Process.Versioning;

/// <summary>
/// Computes the next version from the last release, the conventional commits since, the branch and the height.
/// Breaking → MAJOR, <c>feat</c> → MINOR, <c>fix</c>/<c>perf</c> → PATCH; other changes still get a PATCH bump so
/// a new build never reuses a released version. Pre-release branches append the label and the height
/// (<c>1.3.0-alpha.5</c>); stable branches do not.
/// </summary>
public sealed class VersionCalculator
{
    private readonly BranchModel _branches;

    /// <summary>Creates a calculator for a branch model (git-flow when none is given).</summary>
    /// <param name="branches">The branch model.</param>
    public VersionCalculator(BranchModel? branches = null) => _branches = branches ?? BranchModel.GitFlow();

    /// <summary>Computes the version for one build.</summary>
    /// <param name="input">The release tags, commits, branch, height and commit id.</param>
    /// <exception cref="ArgumentException">Invalid input (negative height, bad sha, unknown branch).</exception>
    /// <exception cref="InvalidOperationException">The commits need a bigger bump than the branch or the explicit release type allows.</exception>
    public CalculatedVersion Calculate(VersionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sha = CommitId.Validate(input.ShortSha, "VersionInput.ShortSha");
        if (input.Height < 0)
            throw new ArgumentException(
                $"VersionInput.Height is {input.Height}: the number of commits since the last release cannot be negative.",
                nameof(input));
        if (input.Height == 0 && input.CommitsSinceRelease.Count > 0)
            throw new ArgumentException(
                $"VersionInput.Height is 0 but {input.CommitsSinceRelease.Count} commit(s) since the last release were given: height must count " +
                    "them.",
                nameof(input));

        var policy = _branches.Resolve(input.Branch);
        var stableTags = input.ReachableReleaseTags.Where(v => !v.IsPreRelease).ToArray();
        var baseVersion = stableTags.Length > 0 ? stableTags.Max()!.Core() : new SemanticVersion(0, 0, 0);

        var strongest = input.CommitsSinceRelease.OrderByDescending(c => c.Bump).FirstOrDefault();
        var commitBump = strongest?.Bump ?? VersionBump.None;
        var bump = commitBump;
        var reason = strongest is null || commitBump == VersionBump.None
            ? "no feat/fix/perf/breaking commits since the last release"
            : $"commit {Describe(strongest)} needs a {commitBump} bump";

        if (input.ExplicitReleaseType is { } type)
        {
            var requested = type.ToBump();
            if (commitBump > requested)
                throw new InvalidOperationException(
                    $"Release type {type} asks for a {requested} bump from {baseVersion}, but commit {Describe(strongest!)} " +
                    $"needs a {commitBump} bump. Choose a release type that allows it (Breaking for major, Feature for minor) or revert the commit.");
            bump = requested;
            reason = $"release type {type} requested ({requested} bump)";
        }

        if (policy.IsPatchLine && bump > VersionBump.Patch)
            throw new InvalidOperationException(
                $"Branch '{policy.Branch}' is a patch line (rule '{policy.Rule.Pattern}') but {reason}. " +
                "Only fixes belong on a hotfix branch: move the change to the development line.");

        // Building the tagged release commit itself on a stable branch gives the released version back.
        if (bump == VersionBump.None && input.Height == 0 && stableTags.Length > 0 && policy.IsStable)
            return new CalculatedVersion(baseVersion, baseVersion, VersionBump.None, policy, sha,
                $"commit is the release {baseVersion} itself");

        if (bump == VersionBump.None) bump = VersionBump.Patch;
        var next = bump switch
        {
            VersionBump.Major => baseVersion.NextMajor(),
            VersionBump.Minor => baseVersion.NextMinor(),
            _ => baseVersion.NextPatch(),
        };
        if (!policy.IsStable)
            next = next.WithPreRelease([.. policy.PreReleaseIdentifiers, input.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        return new CalculatedVersion(next, baseVersion, bump, policy, sha, reason);
    }

    private static string Describe(ConventionalCommit commit) =>
        (commit.Sha.Length > 0 ? commit.Sha + " " : "") + $"'{commit.Type}{(commit.IsBreaking ? "!" : "")}: {commit.Description}'";
}
