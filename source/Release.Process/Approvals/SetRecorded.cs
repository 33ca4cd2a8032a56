namespace Release.Process.Approvals;

/// <summary>
/// The release is an application release: the set of module digests it pins (issue 14). Recorded once, right after the
/// creation and before any vote, so every later event (votes, attestations, the blessing, promotions) is chained to it:
/// rewriting the manifest breaks the link of every event after it, and its own signature.
/// </summary>
/// <param name="At">When.</param>
/// <param name="Digest">The set's digest (<c>sha256:</c> and the SHA-256 of <paramref name="Manifest"/>).</param>
/// <param name="Manifest">The canonical release manifest (<c>Release.Process.Applications.Releases.ReleaseManifest</c>).</param>
public sealed record SetRecorded(DateTimeOffset At, string Digest, string Manifest) : ReleaseEvent(At);
