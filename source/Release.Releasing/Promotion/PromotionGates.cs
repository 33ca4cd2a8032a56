using Release.Process.Approvals;
using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Promotion;

/// <summary>
/// The Go/NoGo gates a promotion passes, for one module's release (Promote) and an application's set (PromoteSet) alike:
/// a gate voted elsewhere that guards the environment (the product owner's Go at friendly-user before production), the
/// environment's own gate, and for production-like environments the blessing standing: no veto recorded since, and a
/// quorum of signed Go votes behind it.
/// </summary>
internal static class PromotionGates
{
    /// <summary>Refuses the promotion when a gate guarding one of <paramref name="environments"/> does not let it through.</summary>
    /// <param name="build">The build.</param>
    /// <param name="command">The command, first in every message (<c>Promote</c>, <c>PromoteSet</c>).</param>
    /// <param name="environments">The environments promoted to.</param>
    /// <param name="record">The release's record as stored (it is verified here).</param>
    /// <param name="vote">How the vote command names the release: <c>Vote --release 1.4.0</c>, <c>VoteSet --set 2.3.0</c>.</param>
    /// <param name="bless">The blessing command (<c>Bless</c>, <c>BlessSet</c>).</param>
    /// <param name="ct">Cancels the check.</param>
    /// <exception cref="ReleaseRefusedException">A gate is blocked, a veto stands, or the blessing has no quorum of signed votes.</exception>
    public static async Task CheckAsync(IPromote build, string command, IEnumerable<string> environments, ReleaseRecord record, string vote,
        string bless, CancellationToken ct)
    {
        var evidence = await PipelineEvidenceKeys.ReadAsync(build.ReleasePaths, RecordTrust.Trusted(build, record), ct).ConfigureAwait(false);
        foreach (var environment in environments)
        {
            // A gate voted elsewhere guarding this environment (the product owner's Go at friendly-user before production).
            foreach (var earlier in build.Gates.Where(g => g.Before == environment))
            {
                var verdict = GateEvaluation.Decide(build, earlier, record, evidence);
                if (!verdict.Passed)
                    throw new ReleaseRefusedException(
                        $"{command}: '{environment}' needs the Go at '{earlier.Environment}' first " +
                            $"({string.Join(", ", earlier.RequiredRoles)}), and it is blocked for {record.ReleaseId}:\n- " +
                        string.Join("\n- ", verdict.Blockers) +
                        $"\nOnce the release was tried there: ./build.sh {vote} --environment " +
                            $"{earlier.Environment} --role ROLE --decision go --reason \"...\"");
            }
            if (build.Gates.FirstOrDefault(g => g.Environment == environment && g.Before is null) is not { } gate) continue;
            var decision = GateEvaluation.Decide(build, gate, record, evidence);
            if (GateEvaluation.IsProductionLike(build, environment))
            {
                // The blessing stands for the gate as it was; a NoGo recorded since revokes it until its voter, or an
                // owner of its role on the roster, lifts it.
                if (decision.Vetoes.Count > 0)
                    throw new ReleaseRefusedException(
                        $"{command}: a veto stands on '{environment}' for {record.ReleaseId}, so its blessing does not hold:\n- " + string.Join(
                            "\n- ",
                            decision.Vetoes) +
                        "\nThe voter lifts it with a signed Go in the same role, or an owner of that role on the roster ('owner' on their roster " +
                            $"line) does: ./build.sh {vote} --environment {environment} " +
                        "--role ROLE --decision go --reason \"...\" --signing-key THEIR-KEY (inside the voting window).");
                // A blessing counts only with the signed votes behind it: one signed by a roster key but recorded
                // around Bless (straight into the records repository) has no quorum to stand on.
                var needed = gate.Quorum.Needed(gate.RequiredRoles.Count);
                if (decision.GoRoles.Count < needed)
                    throw new ReleaseRefusedException(
                        $"{command}: the blessing of {record.ReleaseId} does not stand: the signed votes at '{environment}' give Go from " +
                            $"{decision.GoRoles.Count} " +
                        $"of {gate.RequiredRoles.Count} roles ({needed} needed; Go from: {string.Join(", ", decision.GoRoles)}). Collect the " +
                            $"missing votes and run {bless} again.");
                continue;
            }
            if (!decision.Passed)
                throw new ReleaseRefusedException(
                    $"{command}: the gate of '{environment}' is blocked for {record.ReleaseId}:\n- " + string.Join("\n- ", decision.Blockers));
        }
    }
}
