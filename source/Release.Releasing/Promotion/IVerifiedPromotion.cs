using Release.Delivery.Verify;

namespace Release.Releasing.Promotion;

/// <summary>
/// Promotion with the sanity checks of <see cref="IVerifyDeployment"/>, remembered in the signed release records: Promote
/// and Rollback check an environment that serves a URL once it runs the new release (for GitOps, once it reports the
/// version), and a failing release is rolled back without a person to the release the records name before it; the
/// rollback is an event on the failed release's record (<c>ReleaseRolledBack</c>, automatic, with the measurements).
/// A CI runner with a fresh workspace rolls back the same way as the machine that promoted.
/// </summary>
public interface IVerifiedPromotion : IPromote, IVerifyDeployment
{
    /// <summary>The signed release records.</summary>
    IRollbackRecords? IVerifyDeployment.RollbackRecords => new SignedRollbackRecords(this);
}
