using Release.Engine;
using Release.Releasing.Blessing;

namespace Release.Releasing.Evidence;

/// <summary>
/// Evidence: a bundle per release under <c>artifacts/evidence/VERSION/</c> (commits, issues, test results, coverage,
/// scans and SBOMs, digests, votes, checklist, timings, notes) with an HTML summary and a manifest of SHA-256 per
/// file, linked into a hash chain across releases kept with the release records. <c>VerifyEvidence</c> names every
/// changed, missing or extra file and every broken link.
/// </summary>
public interface IEvidence : IBless
{
    /// <summary>
    /// The public keys <c>VerifyEvidence</c> trusts: a file with one SSH public key line each (an auditor's own copy
    /// of who may sign evidence). Default: the keys of the build definition's rosters. Keys found in the bundle or
    /// the records are never trusted.
    /// </summary>
    [Parameter("File of SSH public keys (one .pub line each) that VerifyEvidence trusts (default: the build definition's roster keys)")]
    string? TrustedKeys => TryGetValue(() => TrustedKeys);

    /// <summary>Writes the evidence bundle of <c>--release</c> and links it into the chain.</summary>
    Target Evidence => _ => _
        .Description("Writes the evidence bundle of --release (files, SHA-256 manifest, HTML summary) and links it into the hash chain")
        .TryAfter<IBless>(x => x.Bless)
        .TryAfter<Promotion.IPromote>(x => x.Promote)
        .TryAfter<Notes.IReleaseNotes>(x => x.ReleaseNotes)
        .Produces("artifacts/evidence/**")
        .Executes(ct => new EvidenceStep(this).RunAsync(ct));

    /// <summary>Checks every file of the bundle and the whole chain; fails naming each problem.</summary>
    Target VerifyEvidence => _ => _
        .Description("Verifies the evidence bundle of --release against its manifest and the hash chain")
        .After(Evidence)
        .Executes(ct => new VerifyEvidenceStep(this).RunAsync(ct));
}
