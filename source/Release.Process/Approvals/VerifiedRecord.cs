namespace Release.Process.Approvals;

/// <summary>A release record as far as its signatures prove it (see <see cref="RecordVerification"/>).</summary>
/// <param name="Trusted">The events that verified, with who acted set to the signing key's owner; null when even the
/// creation did not verify (then nothing of the release can be trusted).</param>
/// <param name="Refused">Why each other event was refused ("event 7 (vote at ...): unsigned"), in record order.</param>
public sealed record VerifiedRecord(ReleaseRecord? Trusted, IReadOnlyList<string> Refused);
