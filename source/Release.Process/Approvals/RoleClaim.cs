namespace Release.Process.Approvals;

/// <summary>The role a person claimed on a release by voting or attesting in it.</summary>
/// <param name="Role">The role.</param>
/// <param name="At">When they first acted in it.</param>
/// <param name="What">What they did, for messages, e.g. <c>voted as Sre</c>.</param>
public sealed record RoleClaim(ApprovalRole Role, DateTimeOffset At, string What);
