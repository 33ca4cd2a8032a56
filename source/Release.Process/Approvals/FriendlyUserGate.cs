namespace Release.Process.Approvals;

/// <summary>
/// The friendly-user step of seed process 001: between pre-prod and production, chosen users try a release (its
/// feature flags on there, off in production: the configuration source's overlay), and the product owner decides.
/// The gate is voted at the friendly-user environment, by the product owner (the ProductManagement role), and guards
/// the promotion to production: without the product owner's Go recorded there, Promote refuses production. Promotion
/// into friendly-user itself needs no vote (the users have to try the release first). No voting window: the product
/// owner decides when the trial is over.
/// </summary>
public static class FriendlyUserGate
{
    /// <summary>The environment's conventional name.</summary>
    public const string Environment = "friendly-user";

    /// <summary>The role that says Go for the product: the product owner (ProductManagement).</summary>
    public static ApprovalRole ProductOwner => ApprovalRole.ProductManagement;

    /// <summary>The gate: the product owner's Go at <paramref name="environment"/>, needed before <paramref name="before"/>.</summary>
    /// <param name="environment">The friendly-user environment, where the product owner votes.</param>
    /// <param name="before">The environment it guards (production).</param>
    /// <exception cref="ArgumentException">Both names the same, or either empty.</exception>
    public static GatePolicy ProductOwnerGo(string environment = Environment, string before = "production")
    {
        if (string.IsNullOrWhiteSpace(before) || string.Equals(environment, before, StringComparison.Ordinal))
            throw new ArgumentException(
                $"The friendly-user gate at '{environment}' must guard another environment (production), not '{before}'.",
                nameof(before));
        return new GatePolicy(environment, [ProductOwner], QuorumRule.AllRequiredRoles, [], window: null) { Before = before };
    }
}
