namespace Release.Build;

/// <summary>
/// This repository's application releases get their notes and evidence (<c>ReleaseNotesSet</c>, <c>EvidenceSet</c>,
/// <c>VerifyEvidenceSet</c> with <c>--set VERSION</c>), as its module releases do.
/// </summary>
partial class Build : Releasing.Sets.ISetEvidence;
