using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing.Records;
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
    /// <remarks>
    /// Once records are signed (the gate's roster names keys) who acts is the owner of <c>--signing-key</c> on the
    /// roster, whatever name is typed: a <c>--voter</c> naming someone else is refused, and so is a CI job's key where a
    /// person must act (<paramref name="personOnly"/>: votes and attestations).
    /// </remarks>
    public static async Task<string> ActorAsync(IReleaseProcess build, string action, CancellationToken ct, bool personOnly = false)
    {
        if (RecordTrust.SigningRequired(build))
        {
            if (string.IsNullOrWhiteSpace(build.SigningKey))
                throw new ReleaseRefusedException(
                    $"{action}: records are signed (the gate's roster names keys), so pass --signing-key with your private SSH key file; in CI the job's key " +
                    "comes from the secret file variable SIGNING_KEY.");
            var signer = await SshKeygenSigner.OpenAsync(build.SigningKey.Trim(), build.Processes, ct);
            var owner = RecordTrust.SignerOf(build, signer.PublicKey) ?? throw new ReleaseRefusedException(
                $"{action}: the key {signer.PublicKey.Fingerprint} (--signing-key) is on no gate's roster, so nothing it signs counts. Ask for its public key " +
                "to be added to the roster in the build definition (reviewed like code), or use your key that is.");
            if (personOnly && owner.IsJob)
                throw new ReleaseRefusedException($"{action}: the key belongs to the CI job {owner.Name}; a job never votes or attests. Vote with your own key (--signing-key).");
            if (!string.IsNullOrWhiteSpace(build.Voter) && !Identity.Same(build.Voter, owner.Name))
                throw new ReleaseRefusedException(
                    $"{action}: --voter {build.Voter.Trim()} but the signing key belongs to {owner.Name} on the roster; who acts is the key's owner. Drop --voter, or sign with your own key.");
            return owner.Name;
        }
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
