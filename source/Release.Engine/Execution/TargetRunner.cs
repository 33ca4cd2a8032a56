using System.Diagnostics;
using Release.Engine.Incremental;
using Release.Engine.Parameters;
using Release.Engine.Planning;

namespace Release.Engine.Execution;

/// <summary>Runs one target: dynamic conditions, the incremental check, then its actions in order.</summary>
internal sealed class TargetRunner(BuildContext context, IncrementalCache? incremental, IBuildObserver? observer, bool force = false)
{
    private readonly Dictionary<ExecutableTarget, TimeSpan> _durations = new();
    private readonly object _gate = new();

    private int _badInputFailures;

    public TimeSpan DurationOf(ExecutableTarget target) { lock (_gate) return _durations.GetValueOrDefault(target); }

    /// <summary>
    /// Whether a target failed on what the user gave the build (a parameter's value, a file it names, the build's own
    /// definition), which the run's exit code reports as bad input rather than as a failing target.
    /// </summary>
    public bool FailedOnBadInput => Volatile.Read(ref _badInputFailures) > 0;

    public async Task<(TargetStatus Status, string? Reason)> RunAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        // Yield first so the scheduler can start the next independent target before this one does any work.
        await Task.Yield();
        context.EnterTarget(target.Name);
        var clock = Stopwatch.StartNew();
        var outcome = await RunCoreAsync(target, cancellationToken).ConfigureAwait(false);
        lock (_gate) _durations[target] = clock.Elapsed;
        observer?.TargetFinished(target.Name, outcome.Status);
        context.EnterTarget(null);
        return outcome;
    }

    private async Task<(TargetStatus Status, string? Reason)> RunCoreAsync(ExecutableTarget target, CancellationToken cancellationToken)
    {
        var failedCondition = target.Definition.DynamicConditions.FirstOrDefault(c => !c.Evaluate());
        if (failedCondition is not null)
            return (TargetStatus.Skipped, $"condition false: {failedCondition.Text}");

        var tracked = incremental is not null && IncrementalCache.Applies(target) ? incremental : null;
        // The parameters this target reads from here on (its tool versions, its actions) are what it is keyed on.
        var reads = new ParameterReads();
        using var readScope = context.Parameters.RecordReadsInto(reads);
        if (tracked is not null && !force
            && await tracked.RecordedReadsAsync(target, cancellationToken).ConfigureAwait(false) is { } readBefore)
        {
            var (hash, _) = await tracked.ComputeHashAsync(target, () => readBefore, cancellationToken).ConfigureAwait(false);
            if (await tracked.UpToDateFiguresAsync(target, hash, cancellationToken).ConfigureAwait(false) is { } figures)
            {
                foreach (var (key, value) in figures) context.ReportSummary(key, value);
                return (TargetStatus.UpToDate, "inputs, parameters and tools unchanged");
            }
        }

        observer?.TargetStarted(target.Name);
        try
        {
            foreach (var action in target.Definition.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await action(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Log.Warning("cancelled");
            return (TargetStatus.Cancelled, "cancelled");
        }
        catch (Exception e)
        {
            var cause = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
            if (cause is BuildInputException or BuildDefinitionException) Interlocked.Increment(ref _badInputFailures);
            var message = cause.Message;
            // What users read is the message, which names the place and the fix; the exception's type and stack are
            // for whoever debugs the build, so they appear only with --verbose.
            context.Log.Error(message);
            context.HostLog.Debug($"{target.Name} failed with {e}");
            return (TargetStatus.Failed, context.Secrets.Mask(FirstLine(message)));
        }

        if (tracked is not null)
        {
            // Hashed after the run: a tracked tool version is often known only once the target ran (a tool it
            // installed, a service it started first), and the next run compares against the state this run leaves.
            var (hash, keyed) = await tracked.ComputeHashAsync(target, () => reads.Names, CancellationToken.None).ConfigureAwait(false);
            await tracked.RecordSuccessAsync(target, hash, context.FiguresOf(target.Name), keyed, CancellationToken.None).ConfigureAwait(false);
        }
        return (TargetStatus.Succeeded, null);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
