using System.Text.Json;
using System.Text.Json.Serialization;
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
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NewLine = "\n",
        Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task WriteAsync(CancellationToken ct)
    {
        var paths = build.ReleasePaths;
        var stages = paths.Stages;
        await WriteTextAsync("record/release-record.json", ReleaseRecordJson.Serialize(record), ct).ConfigureAwait(false);
        // The full signed record for auditors; everything derived from it only from the events that verify.
        var trusted = RecordTrust.Trusted(build, record);
        await WriteJsonAsync(
            "record/votes.json",
            trusted.Votes().Select(v => new { v.Environment, Role = v.Role.Name, v.Voter, v.Decision, v.Reason, v.CastAt }),
            ct).ConfigureAwait(false);
        var evidence = await PipelineEvidenceKeys.ReadAsync(paths, trusted, ct).ConfigureAwait(false);
        await WriteJsonAsync("record/checklist.json", build.Gates.Select(g => Checklist(g, evidence)), ct).ConfigureAwait(false);
        await WriteJsonAsync("record/timings.json", record.Events.Select(e => new { Event = e.GetType().Name, e.At }), ct).ConfigureAwait(false);
        await WriteJsonAsync("digests.json", new
        {
            Blessed = trusted.Events.OfType<ReleaseBlessed>().Select(b => new { b.ImageDigest, b.ChartDigest, b.At }),
            Promotions = trusted.Events.OfType<ReleasePromoted>().Select(p => new { p.Environment, p.ImageDigest, p.By, p.At }),
        }, ct).ConfigureAwait(false);
        await CopyAsync(stages.SourceRecord, "source/source.json", ct).ConfigureAwait(false);
        await CopyAsync(paths.VersionRecord, "source/version.json", ct).ConfigureAwait(false);
        await CopyAsync(paths.CommitsRecord, "source/commits.json", ct).ConfigureAwait(false);
        await CopyAsync(stages.PushRecord, "images/push.json", ct).ConfigureAwait(false);
        await CopyAsync(stages.ChartRecord, "images/chart.json", ct).ConfigureAwait(false);
        await CopyAsync(paths.ChannelRecord, "quality/channel.json", ct).ConfigureAwait(false);
        await CopyAsync(paths.ReleaseNotes, "notes/RELEASE_NOTES.md", ct).ConfigureAwait(false);
        await CopyFolderAsync(stages.UnitTestDirectory, "unit-tests", ct).ConfigureAwait(false);
        await CopyFolderAsync(stages.ScanDirectory, "scan", ct).ConfigureAwait(false);
        await CopyFolderAsync(stages.IntegrationDirectory, "integration", ct).ConfigureAwait(false);
        await CopyFolderAsync(paths.LoadTestDirectory, "load-test", ct).ConfigureAwait(false);
        await CopyFolderAsync(stages.VerifyDirectory(), "verify", ct).ConfigureAwait(false);
        // The last Drift report (artifacts/drift/drift.json) says whether the environments ran what they declared when this release left.
        await CopyAsync(build.ArtifactsDirectory / "drift" / "drift.json", "drift/drift.json", ct).ConfigureAwait(false);
        await WriteTextAsync("index.html", EvidenceHtml.Render(build, trusted, evidence), ct).ConfigureAwait(false);
    }

    private object Checklist(GatePolicy gate, IReadOnlySet<string> evidence)
    {
        var decision = GateEvaluation.Decide(build, gate, record, evidence);
        var attestations = RecordTrust.Trusted(build, record).Attestations();
        return new
        {
            gate.Environment, decision.Passed, GoRoles = decision.GoRoles.Select(r => r.Name), decision.Blockers, decision.IgnoredVotes, decision
                .IgnoredAttestations, decision.Refused,
            Items = gate.Checklist.Select(i => new
            {
                i.Key, Role = i.Role.Name, i.Description,
                Evidence = i.EvidenceKey is not null && evidence.Contains(i.EvidenceKey) ? i.EvidenceKey : null,
                Attestations = attestations.Where(a => a.ItemKey == i.Key).Select(a => new { a.By, Role = a.Role?.Name, a.At, a.Text }),
            }),
        };
    }

    private Task WriteJsonAsync(string relative, object value, CancellationToken ct) =>
        WriteTextAsync(relative, JsonSerializer.Serialize(value, Options) + "\n", ct);

    private async Task WriteTextAsync(string relative, string text, CancellationToken ct)
    {
        SecretGuard.Check(build, text, $"Evidence file {relative} of {record.ReleaseId}");
        var path = folder / relative;
        path.Parent.CreateDirectory();
        await File.WriteAllTextAsync(path, text, ct).ConfigureAwait(false);
    }

    private async Task CopyAsync(AbsolutePath source, string relative, CancellationToken ct)
    {
        if (!source.FileExists()) return;
        var bytes = await File.ReadAllBytesAsync(source, ct).ConfigureAwait(false);
        SecretGuard.Check(build, System.Text.Encoding.UTF8.GetString(bytes), $"Evidence file {source}");
        var path = folder / relative;
        path.Parent.CreateDirectory();
        await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
    }

    private async Task CopyFolderAsync(AbsolutePath source, string relative, CancellationToken ct)
    {
        if (!Directory.Exists(source)) return;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            await CopyAsync(new AbsolutePath(file), relative + "/" + Path.GetRelativePath(source, file).Replace('\\', '/'), ct).ConfigureAwait(false);
    }
}
