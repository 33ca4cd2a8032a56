using Release.Delivery.Verify;
using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Releasing.Evidence;

/// <summary>
/// Writes a release's evidence files into a folder: the record (votes, checklist, timings), commits and issues, the
/// stages' test, coverage, scan/SBOM and integration files, digests, channel and notes. Refuses any file holding a
/// secret value of the build.
/// </summary>
internal sealed class EvidenceBundle(IEvidence build, ReleaseRecord record, AbsolutePath folder)
{
    private readonly EvidenceFolder _files = new(build, record.ReleaseId, folder);

    public async Task WriteAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        var stages = paths.Stages;
        // The full signed record for auditors; everything derived from it only from the events that verify.
        var trusted = RecordTrust.Trusted(build, record);
        var evidence = await PipelineEvidenceKeys.ReadAsync(paths, trusted, ct).ConfigureAwait(false);
        await RecordEvidenceFiles.WriteAsync(build, record, trusted, evidence, _files, ct).ConfigureAwait(false);
        await _files.WriteJsonAsync("digests.json", new
        {
            Blessed = trusted.Events.OfType<ReleaseBlessed>().Select(b => new { b.ImageDigest, b.ChartDigest, b.At }),
            Promotions = trusted.Events.OfType<ReleasePromoted>().Select(p => new { p.Environment, p.ImageDigest, p.By, p.At }),
        }, ct).ConfigureAwait(false);
        await _files.CopyAsync(stages.SourceRecord, "source/source.json", ct).ConfigureAwait(false);
        await _files.CopyAsync(paths.VersionRecord, "source/version.json", ct).ConfigureAwait(false);
        await _files.CopyAsync(paths.CommitsRecord, "source/commits.json", ct).ConfigureAwait(false);
        await _files.CopyAsync(stages.PushRecord, "images/push.json", ct).ConfigureAwait(false);
        await _files.CopyAsync(stages.ChartRecord, "images/chart.json", ct).ConfigureAwait(false);
        await _files.CopyAsync(paths.ChannelRecord, "quality/channel.json", ct).ConfigureAwait(false);
        await _files.CopyAsync(paths.ReleaseNotes, "notes/RELEASE_NOTES.md", ct).ConfigureAwait(false);
        await _files.CopyFolderAsync(stages.UnitTestDirectory, "unit-tests", ct).ConfigureAwait(false);
        await _files.CopyFolderAsync(stages.ScanDirectory, "scan", ct).ConfigureAwait(false);
        await _files.CopyFolderAsync(stages.IntegrationDirectory, "integration", ct).ConfigureAwait(false);
        await _files.CopyFolderAsync(paths.LoadTestDirectory, "load-test", ct).ConfigureAwait(false);
        await _files.CopyFolderAsync(stages.VerifyDirectory(), "verify", ct).ConfigureAwait(false);
        // The last Drift report (artifacts/drift/drift.json) says whether the environments ran what they declared when this release left.
        await _files.CopyAsync(build.ArtifactsDirectory / "drift" / "drift.json", "drift/drift.json", ct).ConfigureAwait(false);
        await _files.WriteTextAsync("index.html", EvidenceHtml.Render(build, trusted, evidence), ct).ConfigureAwait(false);
    }
}
