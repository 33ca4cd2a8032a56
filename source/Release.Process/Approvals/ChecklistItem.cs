namespace Release.Process.Approvals;

/// <summary>
/// One item a role checks before voting Go. It is satisfied by pipeline evidence (a named evidence key the pipeline
/// recorded, e.g. <c>unit-tests</c>) or, when allowed, by a recorded <see cref="Attestation"/>.
/// </summary>
/// <param name="Key">A stable key, e.g. <c>dr-plan</c>; attestations refer to it.</param>
/// <param name="Role">The role responsible for the item.</param>
/// <param name="Description">What must be true, shown to voters.</param>
/// <param name="EvidenceKey">The evidence key that satisfies the item, or null when only an attestation can.</param>
/// <param name="AttestationAllowed">True when a person's attestation may satisfy the item instead of evidence.</param>
/// <param name="AttestableOnceIn">
/// The environment the item is about (the QA suite ran on <c>pre-prod</c>): an attestation counts only when made after
/// the release reached it. Null when the item is about no environment.
/// </param>
public sealed record ChecklistItem(
    string Key,
    ApprovalRole Role,
    string Description,
    string? EvidenceKey,
    bool AttestationAllowed,
    string? AttestableOnceIn = null)
{
    /// <summary>Checks the item can ever be satisfied; the message names the item.</summary>
    /// <exception cref="ArgumentException">Empty key, or neither evidence nor attestation can satisfy it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Key))
            throw new ArgumentException($"Checklist item '{Description}' has no key: give it a short stable key such as 'dr-plan'.");
        if (EvidenceKey is null && !AttestationAllowed)
            throw new ArgumentException($"Checklist item '{Key}' can never be satisfied: give it an evidence key or allow attestations.");
    }
}
