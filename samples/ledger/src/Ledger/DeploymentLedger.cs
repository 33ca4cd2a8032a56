namespace Ledger;

/// <summary>
/// The deployments recorded so far, in order; in memory (the sample keeps no database, so a restart empties it).
/// Safe for concurrent requests.
/// </summary>
public sealed class DeploymentLedger(TimeProvider clock)
{
    private readonly List<DeploymentRecord> _records = [];
    private readonly Lock _gate = new();

    /// <summary>Records a deployment, or says which field is missing.</summary>
    public (DeploymentRecord? Record, string? Problem) Record(DeploymentRequest request)
    {
        var missing = new[] { ("module", request.Module), ("environment", request.Environment), ("version", request.Version) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0) return (null, $"A deployment needs {string.Join(", ", missing)}.");
        lock (_gate)
        {
            var record = new DeploymentRecord(_records.Count + 1, request.Module!, request.Environment!, request.Version!, clock.GetUtcNow());
            _records.Add(record);
            return (record, null);
        }
    }

    /// <summary>The deployments to <paramref name="environment"/> (every one when null), oldest first.</summary>
    public IReadOnlyList<DeploymentRecord> List(string? environment)
    {
        lock (_gate)
            return _records.Where(r => environment is null || string.Equals(r.Environment, environment, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
