using Release.Releasing.Evidence;
using Release.Releasing.Notes;
using Release.Releasing.Promotion;
using Release.Releasing.Versioning;

namespace Release.Releasing;

/// <summary>
/// The whole release process in one component: Version, Tag, QualityGate, OpenRelease, Vote, Attest, GateStatus,
/// Bless, Promote, Rollback, Evidence, VerifyEvidence, ReleaseNotes, and ChatOps on Slack (ChatOps, GoNoGoCall). Mix it into a build class that also
/// has the stage components: <c>class Build : Engine.Build, IRelease, IScan, IUnitTest, IChart, ...</c>.
/// </summary>
public interface IRelease : IVersioning, IPromote, IEvidence, IReleaseNotes, ChatOps.IChatOps;
