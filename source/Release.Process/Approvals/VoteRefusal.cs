namespace Release.Process.Approvals;

/// <summary>Why a vote is not accepted.</summary>
public enum VoteRefusalReason
{
    /// <summary>The vote names no voter or a NoGo gives no reason.</summary>
    Incomplete,

    /// <summary>The vote is for another release or environment than the gate being decided.</summary>
    WrongGate,

    /// <summary>The role does not vote at this gate.</summary>
    RoleNotAtGate,

    /// <summary>An author of the release's changes voted Go.</summary>
    AuthorSelfApproval,

    /// <summary>The person who triggered the release voted Go.</summary>
    TriggerSelfApproval,

    /// <summary>The voter already voted for this release in another role.</summary>
    SecondRole,

    /// <summary>The vote was cast outside the voting window.</summary>
    OutsideWindow,

    /// <summary>The vote's time is after the clock's now.</summary>
    FromTheFuture,

    /// <summary>The gate's roster names the role's members, and the voter is not one of them.</summary>
    NotOnRoster,
}

/// <summary>A refused vote and the message explaining it.</summary>
/// <param name="Reason">The rule that refused the vote.</param>
/// <param name="Message">A message naming the release, role, voter and the fix.</param>
public sealed record VoteRefusal(VoteRefusalReason Reason, string Message);

/// <summary>Thrown when a vote is refused; <see cref="Refusal"/> says which rule refused it.</summary>
public sealed class VoteRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception from a refusal.</summary>
    /// <param name="refusal">The refusal.</param>
    public VoteRefusedException(VoteRefusal refusal) : base(refusal.Message) => Refusal = refusal;

    /// <summary>The refusal.</summary>
    public VoteRefusal Refusal { get; }
}
