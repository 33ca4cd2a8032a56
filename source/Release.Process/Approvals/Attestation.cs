namespace Release.Process.Approvals;

/// <summary>
/// A person's recorded statement that a checklist item is done (e.g. "DR plan reviewed: link"), made in a role.
/// It counts only when <see cref="AttestationAdmission"/> accepts it: the role owns the item, the person acts in
/// no other role on the release, and they did not author or trigger it.
/// </summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="ItemKey">The checklist item's key.</param>
/// <param name="By">Who attests.</param>
/// <param name="At">When.</param>
/// <param name="Text">What they state, with links.</param>
/// <param name="Role">The role the person attests in; null for attestations recorded before roles were checked,
/// which never count.</param>
public sealed record Attestation(string ReleaseId, string ItemKey, string By, DateTimeOffset At, string Text, ApprovalRole? Role);
