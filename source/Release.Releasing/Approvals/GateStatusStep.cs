using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Approvals;

/// <summary>What the GateStatus target does: prints each gate's decision; changes nothing.</summary>
internal sealed class GateStatusStep(IGoNoGo build, ReleaseSelection? release = null)
{
    public async Task RunAsync(CancellationToken ct)
    {
        // An application release (Sets/VoteSetStep) is named by the caller; a module's by --release.
        var selection = release ?? await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        var record = await new ReleaseRecordStore(records).ReadAsync(selection.Id, ct).ConfigureAwait(false);
        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, record), ct).ConfigureAwait(false);
        foreach (var gate in build.Gates)
        {
            var decision = GateEvaluation.Decide(build, gate, record, evidence);
            build.Log
                .Information($"Gate '{gate.Environment}': {(decision.Passed ? "passed" : "blocked")}; Go from {string.Join(", ", decision.GoRoles)}");
            foreach (var blocker in decision.Blockers) build.Log.Information("- " + blocker);
            foreach (var refused in decision.Refused) build.Log.Warning("REFUSED: " + refused);
            foreach (var ignored in decision.IgnoredVotes.Concat(decision.IgnoredAttestations)) build.Log.Warning("not counted: " + ignored);
            build.ReportSummary(gate.Environment, (decision.Passed ? "passed" : $"{decision.Blockers.Count} blocker(s)") +
                                                  (decision.Refused.Count > 0 ? $", {decision.Refused.Count} refused record(s)" : ""));
        }
    }
}
