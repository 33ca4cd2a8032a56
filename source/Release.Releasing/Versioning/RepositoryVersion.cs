using Release.Process.Versioning;
using Release.Tooling.Git;

namespace Release.Releasing.Versioning;

/// <summary>
/// The version of a checked-out repository's HEAD by the release rules (tags and conventional commits, as the
/// <c>Version</c> target computes it), for a build that versions itself, e.g. packing a library.
/// </summary>
public static class RepositoryVersion
{
    /// <summary>Computes the version of HEAD in <paramref name="workspace"/>.</summary>
    /// <param name="workspace">A git working tree.</param>
    /// <param name="model">The branch model (git-flow when null).</param>
    /// <param name="branch">The branch name; the checked-out branch, CI's branch variables or "detached" when null.</param>
    /// <param name="ct">Cancels the git commands.</param>
    /// <exception cref="ArgumentException">The branch matches no rule of the model.</exception>
    public static async Task<CalculatedVersion> CalculateAsync(
        string workspace,
        BranchModel? model = null,
        string? branch = null,
        CancellationToken ct = default)
    {
        string head;
        string? checkedOut;
        using (var history = GitHistory.Open(workspace))
        {
            head = history.Resolve("HEAD");
            checkedOut = history.CurrentBranch;
        }
        var facts = await ReleaseCommits.ReadAsync(workspace, head, ct).ConfigureAwait(false);
        branch ??= checkedOut
                   ?? Environment.GetEnvironmentVariable("CI_COMMIT_REF_NAME") ?? Environment.GetEnvironmentVariable(
                       "BUILD_SOURCEBRANCHNAME") ?? "detached";
        return new VersionCalculator(model).Calculate(new VersionInput(
            facts.Tags.Select(t => t.Version).ToArray(), facts.Conventional, branch, facts.Commits.Count, head[..7]));
    }
}
