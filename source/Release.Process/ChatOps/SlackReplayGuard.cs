namespace Release.Process.ChatOps;

/// <summary>
/// Remembers the signatures of accepted Slack requests for as long as their timestamp is acceptable
/// (<see cref="SlackRequestSignature.MaxAge"/>), so the same signed request sent again inside that window is refused.
/// Older entries are dropped: a request that old fails the timestamp check anyway. Safe for concurrent requests.
/// </summary>
public sealed class SlackReplayGuard
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How many signatures are remembered now.</summary>
    public int Count
    {
        get { lock (_lock) return _seen.Count; }
    }

    /// <summary>True the first time <paramref name="signature"/> is seen; false for a replay.</summary>
    /// <param name="signature">The request's <c>X-Slack-Signature</c>.</param>
    /// <param name="timestamp">The request's (checked) timestamp.</param>
    /// <param name="now">The time now.</param>
    public bool Admit(string signature, DateTimeOffset timestamp, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var stale in _seen.Where(s => s.Value + SlackRequestSignature.MaxAge < now).Select(s => s.Key).ToArray())
                _seen.Remove(stale);
            return _seen.TryAdd(signature.Trim(), timestamp);
        }
    }
}
