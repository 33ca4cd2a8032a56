using Release.Engine;
using Release.Tooling.Git;

namespace Release.Releasing.Common;

/// <summary>Who acts and who triggered a release, from parameters, CI variables and git configuration.</summary>
internal static class People
{
    /// <summary>
    /// <c>--voter</c>, else CI's user variable (in a manual job, the person who started that job: GitLab's
    /// <c>GITLAB_USER_EMAIL</c>, Azure's <c>BUILD_REQUESTEDFOREMAIL</c>), else <c>git config user.email</c> (of the
    /// build root, else global). A CI runner's git identity is the runner's, not a person's.
    /// </summary>
    public static async Task<string> ActorAsync(IReleaseProcess build, string action, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(build.Voter)) return build.Voter.Trim();
        return CiUser(build) ?? await GitEmailAsync(build, ct) ?? throw new ReleaseRefusedException(
            $"{action}: nobody is named. Pass --voter YOUR-EMAIL, or set git config user.email.");
    }

    /// <summary>CI's user variables first (the person who started the pipeline), then <c>--triggered-by</c>, then git.</summary>
    public static async Task<string> TriggeredByAsync(IReleaseProcess build, CancellationToken ct)
    {
        if (CiUser(build) is { } user) return user;
        if (!string.IsNullOrWhiteSpace(build.TriggeredBy)) return build.TriggeredBy.Trim();
        return await GitEmailAsync(build, ct) ?? throw new ReleaseRefusedException(
            "OpenRelease: who triggered the release is unknown (segregation of duties needs it). Pass --triggered-by EMAIL or set git config user.email.");
    }

    private static string? CiUser(IReleaseProcess build)
    {
        foreach (var variable in new[] { "GITLAB_USER_EMAIL", "BUILD_REQUESTEDFOREMAIL" })
            if (build.Context.Environment.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value))
                return value.Trim();
        return null;
    }

    private static async Task<string?> GitEmailAsync(IBuild build, CancellationToken ct)
    {
        var git = new GitClient();
        var folder = Directory.Exists(build.RootDirectory / ".git") ? build.RootDirectory.ToString() : Path.GetTempPath();
        var result = await git.RunAsync(folder, ["config", "user.email"], new GitRunOptions { AllowNonZeroExit = true }, ct);
        var email = result.ExitCode == 0 ? result.OutputText.Trim() : "";
        return email.Length > 0 ? email : null;
    }
}
