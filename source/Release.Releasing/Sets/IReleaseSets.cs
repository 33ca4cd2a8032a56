using Release.Delivery.ApplicationDelivery;
using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Releasing.Promotion;

namespace Release.Releasing.Sets;

/// <summary>
/// Releases of a whole application as a set (issue 14): <c>OpenSet --set 2.3.0</c> pins every module's pushed image and
/// chart digest in a release manifest recorded, signed, in the release records (record <c>APPLICATION.set-VERSION</c>); the
/// one-module commands' rules (votes, blessing, promotion by digest) then act on the set's one digest. Mix it into a
/// build class that ships an application (<see cref="IDeployApplication.Application"/>) and has the release process.
/// </summary>
public interface IReleaseSets : IPromote, IDeployApplication
{
    /// <summary>The application release (the set) to act on: its own version, e.g. <c>2.3.0</c>.</summary>
    [Parameter("Version of the application release (the set of module digests) to act on, e.g. 2.3.0")]
    [NotEmpty, Pattern(Common.ReleaseVersionPattern.Expression, "a SemVer version like 2.3.0 (the application release's own version)")]
    string? Set => TryGetValue(() => Set);

    /// <summary>
    /// The promotion chain of application releases: its steps, each a group of environments promoted as one batch.
    /// Default: one step per environment of <see cref="Common.IReleaseProcess.PromotionChain"/>. A build that declares its
    /// environments with groups returns <c>ReleaseSetChain.Of(environments, ["production"])</c> (Release.Environments).
    /// </summary>
    SetChain SetChain => SetChain.Of(PromotionChain);

    /// <summary>What the application's votes, attestations and blessing are about. Default: the set as a whole.</summary>
    ApprovalScope SetApprovalScope => ApprovalScope.Set;

    /// <summary>
    /// <c>./build.sh OpenSet --set 2.3.0</c>: makes the next application release from the modules this pipeline pushed
    /// (<c>artifacts/modules/MODULE/push</c> and <c>/chart</c>), carrying every other module at its pin in the previous
    /// set, and records it in the release records.
    /// </summary>
    Target OpenSet => _ => _
        .Description("Records the application release --set: every module's image and chart digest (pushed here, else carried from the previous set)")
        .Requires(() => Set)
        .TryAfter<Delivery.Push.IPush>(x => x.Push)
        .TryAfter<Delivery.Chart.IChart>(x => x.Chart)
        .Executes(ct => new OpenSetStep(this).RunAsync(ct));

    /// <summary>
    /// <c>./build.sh VoteSet --set 2.3.0 --role sre --decision go --reason "..."</c>: a Go/NoGo vote on the application
    /// release as a whole (its set digest), with the one-module Vote's rules; <c>--module</c> is refused where the
    /// application approves sets.
    /// </summary>
    Target VoteSet => _ => _
        .Description("Casts a Go/NoGo vote on the application release --set as a whole, as --role (the set's digest, never one module)")
        .Requires(() => Set)
        .Requires(() => Role)
        .Requires(() => Decision)
        .Executes(ct => new VoteSetStep(this, "Vote").RunAsync(ct));

    /// <summary><c>./build.sh AttestSet --set 2.3.0 --item dr-plan-drafted --text "..."</c>: a checklist attestation on the set.</summary>
    Target AttestSet => _ => _
        .Description("Records an attestation for a checklist item of the application release --set, made in --role")
        .Requires(() => Set)
        .Requires(() => Item)
        .Requires(() => Text)
        .Executes(ct => new VoteSetStep(this, "Attestation").RunAsync(ct));

    /// <summary><c>./build.sh GateStatusSet --set 2.3.0</c>: every gate's decision on the set (votes, missing roles, checklist); changes
    /// nothing.</summary>
    Target GateStatusSet => _ => _
        .Description("Shows the Go/NoGo gates of the application release --set: votes, missing roles, checklist")
        .Requires(() => Set)
        .Executes(ct => new VoteSetStep(this, "Status").RunAsync(ct));

    /// <summary>
    /// <c>./build.sh BlessSet --set 2.3.0</c>: blesses the application release when every production-like gate passed on
    /// the set; the blessing records the set's digest, so production takes exactly its module digests.
    /// </summary>
    Target BlessSet => _ => _
        .Description("Blesses the application release --set for production: every gate passed on the set; records the set's digest (every module's " +
            "image and chart)")
        .Requires(() => Set)
        .TryAfter<IReleaseSets>(x => x.OpenSet)
        .Executes(ct => new BlessSetStep(this).RunAsync(ct));

    /// <summary>
    /// <c>./build.sh PromoteSet --set 2.3.0 --to staging-eu,staging-us</c>: promotes the application release to the
    /// environments of one step of <see cref="SetChain"/> at the same time, under one approval naming the batch: each
    /// module's image and chart by digest into the environment's repositories, every module through the environment's
    /// deployer in dependency order. An environment that fails is left on the set it ran; the others go back too unless
    /// the step allows partial success. Production-like steps take only the blessed set.
    /// </summary>
    Target PromoteSet => _ => _
        .Description("Promotes the application release --set to --to ENV[,ENV...] of one step of the chain as a batch (every module by digest, in " +
            "dependency order; production only if blessed)")
        .Requires(() => Set)
        .Requires(() => To)
        .TryAfter<IReleaseSets>(x => x.BlessSet)
        .Executes(ct => new PromoteSetStep(this).RunAsync(ct));

    /// <summary>
    /// <c>./build.sh RollbackSet --environment production [--to 2.2.0]</c>: returns the environment to the application
    /// release it ran before the current one (blessed, for production), or to <c>--to</c>, every module at that set's
    /// pins by digest; recorded on the set it left.
    /// </summary>
    Target RollbackSet => _ => _
        .Description("Rolls --environment back to the application release (set) it ran before the current one, or to --to VERSION")
        .Requires(() => ((Approvals.IGoNoGo)this).Environment)
        .Executes(ct => new RollbackSetStep(this).RunAsync(ct));
}
