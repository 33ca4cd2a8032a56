namespace Release.Process.Approvals;

/// <summary>Why an attestation is not accepted.</summary>
public enum AttestationRefusalReason
{
    /// <summary>The attestation names nobody or states nothing.</summary>
    Incomplete,

    /// <summary>The attestation is for another release than the one being decided.</summary>
    WrongRelease,

    /// <summary>The item is on no gate's checklist.</summary>
    UnknownItem,

    /// <summary>The item can only be satisfied by pipeline evidence.</summary>
    EvidenceOnly,

    /// <summary>The attester acts in no role on the release (and gave none).</summary>
    NoRole,

    /// <summary>The attester's role does not own the item.</summary>
    WrongRole,

    /// <summary>The attester already acts in another role on this release.</summary>
    SecondRole,

    /// <summary>An author or committer of the release's changes attested.</summary>
    AuthorSelfAttestation,

    /// <summary>The person who triggered the release attested.</summary>
    TriggerSelfAttestation,

    /// <summary>The attestation's time is after the clock's now.</summary>
    FromTheFuture,

    /// <summary>The item is about an environment the release had not reached when it was attested.</summary>
    NotYetInEnvironment,

    /// <summary>The gate's roster names the role's members, and the attester is not one of them.</summary>
    NotOnRoster,
}

/// <summary>A refused attestation and the message explaining it.</summary>
/// <param name="Reason">The rule that refused it.</param>
/// <param name="Message">A message naming the release, the item, the owning role and the fix.</param>
public sealed record AttestationRefusal(AttestationRefusalReason Reason, string Message);
