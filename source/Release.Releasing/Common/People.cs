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
            if (build.SigningKey is null)
                throw new ReleaseRefusedException(
                    $"{action}: records are signed (the gate's roster names keys), so pass --signing-key with your private SSH key file; in CI the " +
                        "job's key " +
                    "comes from the secret file variable SIGNING_KEY.");
            var signer = await SshKeygenSigner.OpenAsync(build.SigningKey.Trim(), build.Processes, ct).ConfigureAwait(false);
            var owner = RecordTrust.SignerOf(build, signer.PublicKey) ?? throw new ReleaseRefusedException(
                $"{action}: the key {signer.PublicKey.Fingerprint} (--signing-key) is on no gate's roster, so nothing it signs counts. Ask for its " +
                    "public key " +
                "to be added to the roster in the build definition (reviewed like code), or use your key that is.");
            if (owner.IsRelay)
                throw new ReleaseRefusedException(
                    $"{action}: the key belongs to the ChatOps relay {owner.Name}, which records only votes people cast in Slack (./build.sh " +
                        "ChatOps). Sign with your own key (--signing-key).");
            if (personOnly && owner.IsJob)
                throw new ReleaseRefusedException(
                    $"{action}: the key belongs to the CI job {owner.Name}; a job never votes or attests. Vote with your own key (--signing-key).");
            if (build.Voter is not null && !Identity.Same(build.Voter, owner.Name))
                throw new ReleaseRefusedException(
                    $"{action}: --voter {build.Voter.Trim()} but the signing key belongs to {owner.Name} on the roster; who acts is the key's " +
                        "owner. Drop --voter, or sign with your own key.");
            return owner.Name;
        }
        if (build.Voter is not null) return build.Voter.Trim();
        return CiUser(build) ?? await GitEmailAsync(build, ct).ConfigureAwait(false) ?? throw new ReleaseRefusedException(
            $"{action}: nobody is named. Pass --voter YOUR-EMAIL, or set git config user.email.");
    }

    /// <summary>
    /// The ChatOps relay that signs votes cast in Slack: the owner of <c>--signing-key</c> must be a <c>chatops</c> key on
    /// the roster (never a person's or the CI job's key, so a relayed vote can always be told from one the voter signed).
    /// </summary>
    /// <exception cref="BuildInputException">No key, or a key that is not a relay key on the roster (exit 2, naming the fix).</exception>
    public static async Task<RosterSigner> RelayAsync(IReleaseProcess build, string action, CancellationToken ct)
    {
        const string fix = "Make the relay a key of its own (ssh-keygen -t ed25519 -f chatops-relay), add its public key to build/release-roster " +
            "as " +
            "'chatops slack-release-bot ssh-ed25519 AAAA...' (reviewed like code), and pass the private key file as --signing-key (a secret).";
        if (string.IsNullOrWhiteSpace(build.SigningKey))
            throw new BuildInputException(
                $"{action}: votes cast in Slack are signed by the ChatOps relay key, and --signing-key is not given. {fix}");
        var signer = await SshKeygenSigner.OpenAsync(build.SigningKey.Trim(), build.Processes, ct).ConfigureAwait(false);
        var owner = RecordTrust.SignerOf(build, signer.PublicKey);
        if (owner is not { IsRelay: true })
            throw new BuildInputException(
                $"{action}: the key {signer.PublicKey.Fingerprint} (--signing-key) is " +
                    $"{(owner is null ? "on no gate's roster" : $"{owner.Name}'s, not a ChatOps relay key")}. {fix}");
        return owner;
    }

    /// <summary>CI's user variables first (the person who started the pipeline), then <c>--triggered-by</c>, then git.</summary>
    public static async Task<string> TriggeredByAsync(IReleaseProcess build, CancellationToken ct)
    {
        if (CiUser(build) is { } user) return user;
        if (build.TriggeredBy is not null) return build.TriggeredBy.Trim();
        return await GitEmailAsync(build, ct).ConfigureAwait(false) ?? throw new ReleaseRefusedException(
            "OpenRelease: who triggered the release is unknown (segregation of duties needs it). Pass --triggered-by EMAIL or set git config " +
                "user.email.");
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
        var result = await git.RunAsync(folder, ["config", "user.email"], new GitRunOptions { AllowNonZeroExit = true }, ct).ConfigureAwait(false);
        var email = result.ExitCode == 0 ? result.OutputText.Trim() : "";
        return email.Length > 0 ? email : null;
    }
}
