namespace Director.Windows;

/// <summary>Whether a deployment may start at a given moment, why, and when it next may.</summary>
/// <param name="Environment">Environment the decision is for.</param>
/// <param name="At">The moment asked about (UTC).</param>
/// <param name="Allowed">True when a window is open at <paramref name="At"/>.</param>
/// <param name="Reason">Human-readable reason, shown to release engineers.</param>
/// <param name="NextOpening">Start of the next window (or <paramref name="At"/> when open now); null if none within a year.</param>
public sealed record DeploymentDecision(
    string Environment, DateTimeOffset At, bool Allowed, string Reason, DateTimeOffset? NextOpening);
