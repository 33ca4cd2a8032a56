using Release.Foundation.Secrets;
using Release.Tooling.Processes;

namespace Release.Tooling.Git;

public sealed partial class GitRepository
{
    /// <summary>Pushes once; a rejection throws <see cref="ProcessFailedException"/>.</summary>
    public async Task PushAsync(GitPushSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = await RemoteUrlAsync(settings.Remote, ct).ConfigureAwait(false);
        await _git.RunRemoteAsync(Path, settings.ToArguments(), url, null, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Pushes once and says whether the remote took it: false when the remote refused because it moved on (someone
    /// else pushed first), so the caller can redo its change on top of theirs (<see cref="ResetToRemoteAsync"/>).
    /// </summary>
    /// <param name="settings">The push; with no refspecs the current branch is pushed to the same name.</param>
    /// <param name="ct">Cancels the push.</param>
    /// <returns>True when pushed; false when rejected as behind the remote.</returns>
    /// <exception cref="ProcessFailedException">Refused for another reason (authentication, a hook, no such remote).</exception>
    public async Task<bool> TryPushAsync(GitPushSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var push = settings.RefSpecs.Count > 0
            ? settings
            : (await WithCurrentBranchAsync(settings, nameof(TryPushAsync), ct).ConfigureAwait(false)).Push;
        return await PushOnceAsync(push, ct).ConfigureAwait(false) is null;
    }

    /// <summary>
    /// Fetches <paramref name="branch"/> from <paramref name="remote"/> and moves the checked-out branch, index and
    /// working tree to it, dropping local commits and changes: for callers that rewrite their change on top.
    /// </summary>
    /// <param name="remote">The remote's name.</param>
    /// <param name="branch">The remote branch.</param>
    /// <param name="ct">Cancels the fetch.</param>
    public async Task ResetToRemoteAsync(string remote, string branch, CancellationToken ct = default)
    {
        await FetchAsync(new GitFetchSettings { Remote = remote, RefSpecs = [branch] }, ct).ConfigureAwait(false);
        await _git.RunAsync(Path, ["reset", "--hard", "--quiet", "FETCH_HEAD"], new GitRunOptions(), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Pushes the current branch; when the remote rejects it because someone else pushed first, fetches the
    /// remote branch, rebases our commits onto it and pushes again, up to <paramref name="maxAttempts"/> pushes.
    /// This lets several pipelines that each add a commit (a version bump, a changelog) all land.
    /// </summary>
    /// <param name="settings">The push; with no refspecs the current branch is pushed to the same name.</param>
    /// <param name="maxAttempts">How many pushes to try in all (at least 1).</param>
    /// <param name="committer">The identity recorded on rebased commits; <c>null</c> uses git's configuration.</param>
    /// <param name="ct">Cancels the push.</param>
    /// <exception cref="GitPushRejectedException">Still rejected after all attempts, or the rebase had conflicts (it is aborted).</exception>
    public async Task PushWithRetryAsync(GitPushSettings settings, int maxAttempts = 3, GitIdentity? committer = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        GitArgumentGuard.Positive(maxAttempts, nameof(maxAttempts));
        var (push, branch) = await WithCurrentBranchAsync(settings, nameof(PushWithRetryAsync), ct).ConfigureAwait(false);
        var environment = new Dictionary<string, string?>(committer?.ToEnvironment("COMMITTER") ?? []);
        for (var attempt = 1; ; attempt++)
        {
            if (await PushOnceAsync(push, ct).ConfigureAwait(false) is not { } result)
            {
                return;
            }
            if (attempt == maxAttempts)
            {
                throw new GitPushRejectedException(push.Remote, branch, attempt,
                    $"Pushing '{branch}' to '{push.Remote}' was rejected {attempt} times because the remote kept moving. " +
                    "To fix: retry later or raise maxAttempts.\n" + result.ErrorText);
            }
            await RebaseOntoRemoteAsync(push.Remote, branch, attempt, environment, ct).ConfigureAwait(false);
        }
    }

    private async Task<(GitPushSettings Push, string Branch)> WithCurrentBranchAsync(GitPushSettings settings, string caller, CancellationToken ct)
    {
        var branch = await CurrentBranchAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"{caller} needs a checked-out branch in '{Path}', but HEAD is detached. Check out a branch first.");
        return (settings.RefSpecs.Count > 0 ? settings : settings with { RefSpecs = [$"HEAD:refs/heads/{branch}"] }, branch);
    }

    // Null when pushed; the result when rejected as behind; throws on any other refusal.
    private async Task<ProcessResult?> PushOnceAsync(GitPushSettings push, CancellationToken ct)
    {
        var result = await _git.RunAsync(Path, push.ToArguments(), new GitRunOptions { AllowNonZeroExit = true, StreamOutput = true }, ct)
            .ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return null;
        }
        return IsRejectedAsBehind(result)
            ? result
            : throw new ProcessFailedException(CommandLineFormatter.Format("git", push.ToArguments(), new SecretMasker([])),
                result.ExitCode, result.Error.TakeLast(20).ToArray());
    }

    /// <summary>
    /// True when the remote refused because it moved on: a plain rejection ("fetch first", "non-fast-forward"),
    /// or losing a race inside the remote, where the ref changed between our check and our update.
    /// </summary>
    private static bool IsRejectedAsBehind(ProcessResult result)
    {
        var text = result.ErrorText;
        var lostRace = text.Contains("[remote rejected]", StringComparison.Ordinal) &&
                       (text.Contains("cannot lock ref", StringComparison.Ordinal)
                           || text.Contains("failed to update ref", StringComparison.Ordinal));
        return lostRace ||
               text.Contains("[rejected]", StringComparison.Ordinal) ||
               text.Contains("fetch first", StringComparison.Ordinal) ||
               text.Contains("non-fast-forward", StringComparison.Ordinal);
    }

    private async Task RebaseOntoRemoteAsync(string remote, string branch, int attempt,
        IReadOnlyDictionary<string, string?> environment, CancellationToken ct)
    {
        await FetchAsync(new GitFetchSettings { Remote = remote, RefSpecs = [branch] }, ct).ConfigureAwait(false);
        var rebase = await _git.RunAsync(Path, ["rebase", "FETCH_HEAD"],
            new GitRunOptions { AllowNonZeroExit = true, Environment = environment }, ct).ConfigureAwait(false);
        if (rebase.ExitCode == 0)
        {
            return;
        }
        await _git.RunAsync(Path, ["rebase", "--abort"], new GitRunOptions { AllowNonZeroExit = true }, CancellationToken.None)
            .ConfigureAwait(false);
        throw new GitPushRejectedException(remote, branch, attempt,
            $"Pushing '{branch}' to '{remote}' was rejected and rebasing onto the remote's '{branch}' failed " +
            $"(the rebase was aborted; the local branch is unchanged). To fix: merge '{remote}/{branch}' by hand and push again.\n" +
            string.Join('\n', rebase.Output.Concat(rebase.Error).TakeLast(20)));
    }
}
