namespace Release.Process.Approvals;

/// <summary>The Go/NoGo rules of one environment's gate.</summary>
public sealed class GatePolicy
{
    /// <summary>Creates a gate policy; everything is validated.</summary>
    /// <param name="environment">The environment, e.g. <c>production</c>.</param>
    /// <param name="requiredRoles">The roles that vote at this gate.</param>
    /// <param name="quorum">How many of them must say Go.</param>
    /// <param name="checklist">Items that must be satisfied (only those of <paramref name="requiredRoles"/> may be given).</param>
    /// <param name="window">When votes are accepted; null accepts votes at any time.</param>
    /// <param name="vetoOnNoGo">When true (the default) any NoGo blocks the gate.</param>
    /// <exception cref="ArgumentException">No roles, a quorum larger than the roles, or a checklist item for a role that does not vote
    /// here.</exception>
    public GatePolicy(string environment, IEnumerable<ApprovalRole> requiredRoles, QuorumRule quorum,
        IEnumerable<ChecklistItem> checklist, VotingWindow? window, bool vetoOnNoGo = true)
    {
        if (string.IsNullOrWhiteSpace(environment))
            throw new ArgumentException(
                "Gate policy has no environment name: give the environment it guards, e.g. 'production'.",
                nameof(environment));
        Environment = environment;
        RequiredRoles = requiredRoles.Distinct().ToArray();
        if (RequiredRoles.Count == 0)
            throw new ArgumentException(
                $"Gate '{environment}' has no required roles: add at least one, e.g. ApprovalRole.ModuleLead.",
                nameof(requiredRoles));
        Quorum = quorum;
        if (quorum.Needed(RequiredRoles.Count) > RequiredRoles.Count)
            throw new ArgumentException(
                $"Gate '{environment}' needs {quorum.Minimum} Go role(s) but only {RequiredRoles.Count} role(s) vote: lower the quorum or add roles.",
                nameof(quorum));
        Checklist = checklist.ToArray();
        foreach (var item in Checklist)
        {
            item.Validate();
            if (!RequiredRoles.Contains(item.Role))
                throw new ArgumentException($"Gate '{environment}': checklist item '{item.Key}' belongs to role {item.Role}, which does not vote " +
                    "here; add the role or drop the item.", nameof(checklist));
        }
        var duplicate = Checklist.GroupBy(i => i.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Gate '{environment}': checklist key '{duplicate.Key}' is used twice.", nameof(checklist));
        Window = window;
        VetoOnNoGo = vetoOnNoGo;
    }

    /// <summary>The environment this gate guards.</summary>
    public string Environment { get; }

    /// <summary>The roles that vote at this gate.</summary>
    public IReadOnlyList<ApprovalRole> RequiredRoles { get; }

    /// <summary>How many roles must say Go.</summary>
    public QuorumRule Quorum { get; }

    /// <summary>Items that must be satisfied before the gate passes.</summary>
    public IReadOnlyList<ChecklistItem> Checklist { get; }

    /// <summary>When votes are accepted, or null for any time.</summary>
    public VotingWindow? Window { get; }

    /// <summary>True when any NoGo blocks the gate.</summary>
    public bool VetoOnNoGo { get; }

    /// <summary>Who may vote and attest in each role at this gate; <see cref="RoleRoster.Open"/> (the default) names nobody.</summary>
    public RoleRoster Roster { get; init; } = RoleRoster.Open;

    /// <summary>
    /// The environment this gate's Go is needed before, when that is not <see cref="Environment"/> itself: the
    /// friendly-user gate (<see cref="FriendlyUserGate"/>) is voted at <c>friendly-user</c>, after chosen users tried
    /// the release there, and guards the promotion to <c>production</c>. Null (the default): the gate guards the
    /// promotion to its own environment.
    /// </summary>
    public string? Before { get; init; }

    /// <summary>This gate with <paramref name="roster"/> deciding who may act in each role (e.g.
    /// <c>GatePolicy.SeedDefault().WithRoster(...)</c>).</summary>
    /// <param name="roster">The people per role.</param>
    public GatePolicy WithRoster(RoleRoster roster) =>
        new(Environment, RequiredRoles, Quorum, Checklist, Window, VetoOnNoGo) { Roster = roster, Before = Before };

    /// <summary>The environment whose promotion this gate guards: <see cref="Before"/>, else its own.</summary>
    public string Guards => Before ?? Environment;

    /// <summary>The seed's production gate: all four roles, all must say Go, veto on, seed checklist, seed window.</summary>
    /// <param name="environment">The environment name.</param>
    public static GatePolicy SeedDefault(string environment = "production") => new(environment,
        [ApprovalRole.ModuleLead, ApprovalRole.Sre, ApprovalRole.Qa, ApprovalRole.ProductManagement],
        QuorumRule.AllRequiredRoles, SeedChecklist.Items(), VotingWindow.SeedDefault());
}
