namespace Release.Process.Approvals;

/// <summary>A Go or NoGo.</summary>
public enum VoteDecision
{
    /// <summary>The voter agrees the release may proceed.</summary>
    Go,

    /// <summary>The voter blocks the release (a veto when the gate has veto on).</summary>
    NoGo,
}

/// <summary>One vote on one release at one environment's gate.</summary>
/// <param name="ReleaseId">The release voted on.</param>
/// <param name="Environment">The environment whose gate the vote is for, e.g. <c>production</c>.</param>
/// <param name="Role">The role the voter votes as.</param>
/// <param name="Voter">The voter's identity (e-mail or user name, compared case-insensitively).</param>
/// <param name="Decision">Go or NoGo.</param>
/// <param name="Reason">Why; required for NoGo so the blocker can be addressed.</param>
/// <param name="CastAt">When the vote was cast (stamped by the system from its clock).</param>
public sealed record Vote(
    string ReleaseId,
    string Environment,
    ApprovalRole Role,
    string Voter,
    VoteDecision Decision,
    string Reason,
    DateTimeOffset CastAt);
