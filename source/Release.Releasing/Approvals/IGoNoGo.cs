using Release.Engine;
using Release.Releasing.Common;

namespace Release.Releasing.Approvals;

/// <summary>
/// Go/NoGo: the release record (one JSON file per release in the records git repository, one commit per event),
/// votes with segregation of duties (the release's authors and whoever triggered it cannot vote Go; one person, one
/// role), the voting window, and checklist attestations by the role that owns each item (same segregation of duties).
/// </summary>
public interface IGoNoGo : IReleaseProcess
{
    /// <summary>
    /// The role a vote is cast or an attestation made in, e.g. <c>sre</c>, <c>qa</c>, <c>module-lead</c>,
    /// <c>product-management</c>. One person acts in one role per release.
    /// </summary>
    [Parameter("Role you vote or attest in: ModuleLead, Sre, Qa, ProductManagement (or a role the build declares)")]
    string? Role => TryGetValue(() => Role);

    /// <summary><c>go</c> or <c>nogo</c>.</summary>
    [Parameter("Vote decision: go or nogo")]
    string? Decision => TryGetValue(() => Decision);

    /// <summary>Why (required for NoGo).</summary>
    [Parameter("Reason for the vote (required for nogo)")]
    string? Reason => TryGetValue(() => Reason);

    /// <summary>The environment whose gate is voted on (Vote, Attest) or rolled back (Rollback).</summary>
    [Parameter("Environment: the gate voted on (default production), or the environment to roll back")]
    string? Environment => TryGetValue(() => Environment);

    /// <summary>Accept a vote outside the voting window; refused for production-like environments.</summary>
    [Parameter("Accept the vote outside the voting window (never for production)")]
    bool IgnoreWindow => TryGetValue(() => IgnoreWindow);

    /// <summary>The checklist item attested.</summary>
    [Parameter("Checklist item key to attest, e.g. dr-plan-drafted")]
    string? Item => TryGetValue(() => Item);

    /// <summary>What the attester states (with links).</summary>
    [Parameter("Attestation text, e.g. 'DR plan: https://wiki/dr/1.4.0'")]
    string? Text => TryGetValue(() => Text);

    /// <summary>Opens the release's record (version, commit, branch, authors, trigger) and writes commits.json.</summary>
    Target OpenRelease => _ => _
        .Description("Records the release candidate (version, commit, authors, who triggered it) in the release records")
        .TryAfter<Versioning.IVersioning>(x => x.Version)
        .TryAfter<global::Release.Stages.Clone.IClone>(x => x.Clone)
        .Produces("artifacts/release/commits.json")
        .Executes(ct => new OpenReleaseStep(this).RunAsync(ct));

    /// <summary><c>./build.sh Vote --release 1.4.0 --role sre --decision go --reason "..." --voter id</c>.</summary>
    Target Vote => _ => _
        .Description("Casts a Go/NoGo vote on --release as --role (voter: --voter or git config user.email)")
        .Requires(() => Role)
        .Requires(() => Decision)
        .Executes(ct => new VoteStep(this).RunAsync(ct));

    /// <summary>
    /// <c>./build.sh Attest --release 1.4.0 --item dr-plan-drafted --role sre --text "..."</c>: only someone acting in
    /// the role that owns the item may attest it (<c>--role</c>, else the role they already voted or attested in on
    /// this release); authors, committers and whoever triggered the release may not.
    /// </summary>
    Target Attest => _ => _
        .Description("Records an attestation for a checklist item of --release, made in --role (the role owning the item)")
        .Requires(() => Item)
        .Requires(() => Text)
        .Executes(ct => new AttestStep(this).RunAsync(ct));

    /// <summary>Shows every gate's decision for a release without changing anything.</summary>
    Target GateStatus => _ => _
        .Description("Shows the Go/NoGo gates of --release: votes, missing roles, checklist")
        .Executes(ct => new GateStatusStep(this).RunAsync(ct));
}
