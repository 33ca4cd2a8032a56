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
}
