using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing.Common;

namespace Release.Releasing.Approvals;

/// <summary>
/// What the Vote target does: reads the vote from the parameters (the voter is the owner of <c>--signing-key</c>) and
/// records it through <see cref="VoteCasting"/>, the code path the ChatOps endpoint shares. A refused vote changes nothing.
/// </summary>
internal sealed class VoteStep(IGoNoGo build, ReleaseSelection? release = null)
{
    public async Task RunAsync(CancellationToken ct)
    {
        // An application release (Sets/VoteSetStep, AttestSetStep) is named by the caller; a module's by --release.
        var selection = release ?? await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var environment = build.Environment is null ? "production" : build.Environment.Trim();
        var gate = GateEvaluation.Find(build, environment);
        if (build.IgnoreWindow)
        {
            if (GateEvaluation.IsProductionLike(build, environment))
                throw new ReleaseRefusedException(
                    $"Vote on release {selection.Id}: --ignore-window is not allowed for '{environment}' (it accepts only blessed releases). " +
                    $"Vote inside the window {gate.Window}, or change the window in the build definition through review.");
            build.Log.Warning($"--ignore-window: the voting window {gate.Window} of '{environment}' is not applied to this vote.");
            gate = GateEvaluation.WithoutWindow(gate);
        }
        var role = gate.RequiredRoles.FirstOrDefault(r => Normalize(r.Name) == Normalize(build.Role!)) ?? ParseRole(build.Role!, gate);
        var decision = Normalize(build.Decision!) switch
        {
            "go" => VoteDecision.Go,
            "nogo" => VoteDecision.NoGo,
            _ => throw new BuildInputException(
                $"Vote on release {selection.Id}: --decision '{build.Decision}' is not go or nogo: pass --decision go or --decision nogo."),
        };
        var reason = build.Reason?.Trim() ?? "";
        var voter = await People.ActorAsync(build, $"Vote on release {selection.Id}", ct, personOnly: true).ConfigureAwait(false);
        var outcome = await VoteCasting.CastAsync(build, new VoteRequest(selection, gate, role, decision, reason, voter), ct).ConfigureAwait(false);

        build.Log.Information($"Recorded {decision} by {voter} as {role} on release {selection.Id} at gate '{environment}' in {outcome.Repository}");
        var status = outcome.Status;
        build.Log.Information(
            status.Passed ? $"Gate '{environment}' passes." : $"Gate '{environment}' still blocked:\n- " + string.Join("\n- ", status.Blockers));
        build.ReportSummary("vote", $"{decision} {role} {voter}");
    }

    private static ApprovalRole ParseRole(string text, GatePolicy gate)
    {
        try { return new ApprovalRole(text.Trim()); }
        catch (ArgumentException e)
        {
            throw new BuildInputException(
                $"--role '{text}': {e.Message} Roles at gate '{gate.Environment}': {string.Join(", ", gate.RequiredRoles)}.");
        }
    }

    internal static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
