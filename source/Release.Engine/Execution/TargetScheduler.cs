using Release.Engine.Planning;

namespace Release.Engine.Execution;

/// <summary>
/// Runs a plan with up to N targets at once while every ordering rule holds. All of the engine's concurrency lives
/// here: a target becomes ready when its predecessors have finished; a failure stops what needs it and, unless the
/// failed target proceeds after failure, stops new work except assured targets; cancellation stops running targets
/// through their token and still runs assured targets.
/// </summary>
internal sealed class TargetScheduler(
    IReadOnlyList<ExecutableTarget> plan,
    IReadOnlyDictionary<ExecutableTarget, string> preSkipped,
    Func<ExecutableTarget, CancellationToken, Task<(TargetStatus Status, string? Reason)>> run,
    int maxParallel)
{
    private readonly Dictionary<ExecutableTarget, (TargetStatus Status, string? Reason)> _done = new();
    private readonly Dictionary<Task<(TargetStatus Status, string? Reason)>, ExecutableTarget> _running = new();

    public async Task<IReadOnlyDictionary<ExecutableTarget, (TargetStatus Status, string? Reason)>> RunAsync(CancellationToken cancellationToken)
    {
        var planned = plan.ToHashSet();
        var position = plan.Select((target, index) => (target, index)).ToDictionary(p => p.target, p => p.index);
        var waitingOn = new Dictionary<ExecutableTarget, int>();
        var successors = plan.ToDictionary(t => t, _ => new List<ExecutableTarget>());
        foreach (var target in plan)
        {
            var predecessors = ExecutionPlanner.Predecessors(target, planned).ToList();
            waitingOn[target] = predecessors.Count;
            foreach (var predecessor in predecessors) successors[predecessor].Add(target);
        }
        // Ready targets start in plan order, so a serial run follows the printed plan exactly.
        var ready = new SortedSet<ExecutableTarget>(
            plan.Where(t => waitingOn[t] == 0),
            Comparer<ExecutableTarget>.Create((a, b) => position[a].CompareTo(position[b])));
        string? stopReason = null;

        void Complete(ExecutableTarget target, (TargetStatus, string?) outcome)
        {
            _done[target] = outcome;
            foreach (var successor in successors[target])
                if (--waitingOn[successor] == 0) ready.Add(successor);
        }

        while (_done.Count < plan.Count)
        {
            if (cancellationToken.IsCancellationRequested) stopReason ??= "build cancelled";
            while (ready.Count > 0 && (_running.Count < maxParallel || Decide(ready.Min!, stopReason) is not null))
            {
                var target = ready.Min!;
                ready.Remove(target);
                if (Decide(target, stopReason) is { } outcome) { Complete(target, outcome); continue; }
                // Assured targets still run after Ctrl-C, so they get a token that is not already cancelled.
                var token = target.Definition.IsAssuredAfterFailure && cancellationToken.IsCancellationRequested
                    ? CancellationToken.None
                    : cancellationToken;
                _running.Add(run(target, token), target);
            }

            if (_running.Count == 0)
            {
                if (_done.Count == plan.Count || ready.Count > 0) continue;
                throw new InvalidOperationException("The scheduler stalled: no target can start. This is an engine bug; please report the plan.");
            }

            var finished = await Task.WhenAny(_running.Keys).ConfigureAwait(false);
            var finishedTarget = _running[finished];
            _running.Remove(finished);
            var result = await finished.ConfigureAwait(false);
            if (result.Status == TargetStatus.Failed && !finishedTarget.Definition.ProceedsAfterFailure)
                stopReason ??= $"{finishedTarget.Name} failed";
            if (result.Status == TargetStatus.Cancelled)
                stopReason ??= "build cancelled";
            Complete(finishedTarget, result);
        }
        return _done;
    }

    /// <summary>An outcome decided without running the target, or null when it should run.</summary>
    private (TargetStatus, string?)? Decide(ExecutableTarget target, string? stopReason)
    {
        if (preSkipped.TryGetValue(target, out var skipReason)) return (TargetStatus.Skipped, skipReason);
        if (target.Definition.IsAssuredAfterFailure) return null;
        if (stopReason is not null) return (TargetStatus.NotRun, stopReason);
        var broken = target.Dependencies.FirstOrDefault(d => _done[d].Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Cancelled);
        return broken is null ? null : (TargetStatus.NotRun, $"{broken.Name} did not succeed");
    }
}
