using Release.Delivery.ApplicationDelivery;
using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Releasing.Promotion;

namespace Release.Releasing.Sets;

/// <summary>
/// Releases of a whole application as a set (issue 14): <c>OpenSet --set 2.3.0</c> pins every module's pushed image and
/// chart digest in a release manifest recorded, signed, in the release records (record <c>APPLICATION-VERSION</c>); the
/// one-module commands' rules (votes, blessing, promotion by digest) then act on the set's one digest. Mix it into a
/// build class that ships an application (<see cref="IDeployApplication.Application"/>) and has the release process.
/// </summary>
public interface IReleaseSets : IPromote, IDeployApplication
{
    /// <summary>The application release (the set) to act on: its own version, e.g. <c>2.3.0</c>.</summary>
    [Parameter("Version of the application release (the set of module digests) to act on, e.g. 2.3.0")]
    [NotEmpty, Pattern(Common.ReleaseVersionPattern.Expression, Common.ReleaseVersionPattern.Description)]
    string? Set => TryGetValue(() => Set);

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
}
