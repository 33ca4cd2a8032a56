using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Approvals;

/// <summary>What the Attest target does: records a person's statement that a checklist item is done.</summary>
internal sealed class AttestStep(IGoNoGo build)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var selection = await ReleaseSelection.ResolveAsync(build, ct);
        var key = build.Item!.Trim();
        var items = build.Gates.SelectMany(g => g.Checklist).Where(i => i.Key == key).ToArray();
        if (items.Length == 0)
            throw new ReleaseRefusedException(
                $"Attest on release {selection.Id}: checklist item '{key}' (--item) is not on any gate's checklist. Items: " +
                string.Join(", ", build.Gates.SelectMany(g => g.Checklist).Select(i => i.Key).Distinct()) + ".");
        if (items.All(i => !i.AttestationAllowed))
            throw new ReleaseRefusedException(
                $"Attest on release {selection.Id}: checklist item '{key}' can only be satisfied by pipeline evidence '{items[0].EvidenceKey}', not by an attestation.");
        var text = build.Text!.Trim();
        if (text.Length == 0) throw new ReleaseRefusedException($"Attest on release {selection.Id}: --text is empty; say what was done, with links.");
        SecretGuard.Check(build, text, $"The attestation text for '{key}' on release {selection.Id}");
        var by = await People.ActorAsync(build, $"Attest on release {selection.Id}", ct);

        await using var records = await RecordsRepository.OpenAsync(build, ct);
        await new ReleaseRecordStore(records).UpdateAsync(selection.Id, by, $"attestation '{key}' by {by}", existing =>
            (existing ?? throw new ReleaseRefusedException($"Attest: release {selection.Id} has no record in {records.Shown}. Check --release."))
            .Append(new AttestationRecorded(build.Clock.GetUtcNow(), key, by, text)), ct);
        build.Log.Information($"Recorded attestation '{key}' by {by} on release {selection.Id}");
        build.ReportSummary("attested", key);
    }
}
