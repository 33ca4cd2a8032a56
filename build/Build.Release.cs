using Release.Environments;
using Release.Environments.Component;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Common;

namespace Release.Build;

/// <summary>
/// The release gate of this repository: the seed's production gate, with the team's roster of SSH public keys in
/// <c>build/release-roster</c> (reviewed like this file). Only records signed by a key on it count; a production
/// release with an empty roster is refused at once (exit 2), since anyone who can push to the records repository
/// could otherwise vote.
/// </summary>
partial class Build : Releasing.Sets.IReleaseSets
{
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates =>
        [GatePolicy.SeedDefault("production").WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))];

    /// <summary>
    /// The application's releases follow the environments as declared (Build.Environments.cs): local and staging as one
    /// batch (group staging), then pre-prod, then production (blessed sets only). friendly-user is declared as code
    /// (rendered, rebuilt, checked for drift) but no deployer of this build ships to it yet, so sets pass it by.
    /// </summary>
    SetChain Releasing.Sets.IReleaseSets.SetChain
    {
        get
        {
            var deployed = ((Delivery.Deploy.IDeploy)this).Environments.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            var declared = ReleaseSetChain.Of(((IEnvironments)this).DeclaredEnvironments, ["production"]);
            return new SetChain(declared.Steps.Select(s => s with { Environments = [.. s.Environments.Where(deployed.Contains)] })
                .Where(s => s.Environments.Count > 0));
        }
    }
}
