namespace Release.Engine;

/// <summary>Receives target events as they happen; tests use it to prove ordering and overlap without timing.</summary>
public interface IBuildObserver
{
    /// <summary>A target's actions are about to start.</summary>
    void TargetStarted(string target);

    /// <summary>A target finished with <paramref name="status"/>.</summary>
    void TargetFinished(string target, TargetStatus status);
}
