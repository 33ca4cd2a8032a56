namespace Release.Delivery.Verify;

/// <summary>
/// The sanity checks of a whole application, run once after a rollout's last wave: its health, checks and journeys go
/// to the module clients call (<paramref name="EntryModule"/>, e.g. the gateway), whose answers cross the others, so a
/// journey there proves the modules work together, not only that each one answers. A failure restores the set that
/// ran before the rollout (<see cref="Deploy.Rollout.ApplicationRollout"/>).
/// </summary>
/// <param name="EntryModule">The module the checks are sent to.</param>
/// <param name="Checks">The checks and journeys (its health endpoint is always checked first).</param>
public sealed record ApplicationChecks(string EntryModule, SanityChecks Checks)
{
    /// <summary>How long each request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Runs the checks against the entry module answering at <paramref name="url"/> (health at <paramref name="healthPath"/>).</summary>
    /// <exception cref="Engine.BuildDefinitionException">The declaration is invalid; the message names the check and the fix.</exception>
    public async Task<IReadOnlyList<SanityCheckResult>> RunAsync(string url, string healthPath, CancellationToken ct)
    {
        try { Checks.Validate(); }
        catch (ArgumentException e) { throw new Engine.BuildDefinitionException($"Application checks (sent to {EntryModule}): {e.Message}"); }
        using var http = new HttpClient { Timeout = RequestTimeout };
        return await new SanityCheckRunner(http).RunAsync(url, healthPath, Checks, ct).ConfigureAwait(false);
    }
}
