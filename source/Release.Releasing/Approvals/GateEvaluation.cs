using Release.Engine;
using Release.Process.Approvals;
using Release.Process.Promotion;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Approvals;

/// <summary>
/// Finds gates and decides them. The voting window is enforced when a vote is cast; production-like environments
/// (those that require blessing) also re-check it when deciding, and never accept <c>--ignore-window</c>. Other
/// gates accept <c>--ignore-window</c> votes, so they are decided without the window.
/// </summary>
internal static class GateEvaluation
{
    /// <summary>The gate of an environment; a clear error lists the gates there are.</summary>
    public static GatePolicy Find(IReleaseProcess build, string environment) =>
        build.Gates.FirstOrDefault(g => g.Environment == environment) ?? throw new BuildInputException(
            $"Environment '{environment}' has no Go/NoGo gate (gates: {string.Join(", ", build.Gates.Select(g => g.Environment))}). " +
            "Pass --environment with one of them, or declare the gate in the build definition (IReleaseProcess.Gates).");

    /// <summary>True when the environment only accepts blessed releases.</summary>
    public static bool IsProductionLike(IReleaseProcess build, string environment) =>
        build.PromotionChain.Environments.Any(e => e.Name == environment && e.RequiresBlessing);

    /// <summary>The policy used to decide the gate (see the class remarks for the window).</summary>
    public static GatePolicy ForDecision(IReleaseProcess build, GatePolicy gate) =>
        IsProductionLike(build, gate.Environment) || gate.Window is null ? gate : WithoutWindow(gate);

    /// <summary>The same gate without a voting window.</summary>
    public static GatePolicy WithoutWindow(GatePolicy gate) =>
        new(gate.Environment, gate.RequiredRoles, gate.Quorum, gate.Checklist, null, gate.VetoOnNoGo) { Roster = gate.Roster, Before = gate.Before };

    /// <summary>
    /// Decides one gate for a release from the events that verify (<see cref="RecordTrust"/>); the others are listed
    /// in <see cref="GateDecision.Refused"/> with the reason.
    /// </summary>
    public static GateDecision Decide(IReleaseProcess build, GatePolicy gate, ReleaseRecord record, IReadOnlySet<string> evidence)
    {
        var verified = RecordTrust.Verify(build, record);
        var trusted = verified.Trusted ?? throw new ReleaseRefusedException($"Release {record.ReleaseId}: {string.Join(" ", verified.Refused)}");
        return new GateEvaluator(build.Clock).Evaluate(
            ForDecision(build, gate),
            trusted.ToCandidate(evidence),
            trusted.Votes()) with { Refused = verified.Refused };
    }
}
