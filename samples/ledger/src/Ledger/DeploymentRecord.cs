namespace Ledger;

/// <summary>One deployment the ledger was told about.</summary>
/// <param name="Sequence">Its place in the ledger, from 1.</param>
/// <param name="Module">The module deployed.</param>
/// <param name="Environment">Where it went.</param>
/// <param name="Version">The version deployed.</param>
/// <param name="At">When it was recorded.</param>
public sealed record DeploymentRecord(long Sequence, string Module, string Environment, string Version, DateTimeOffset At);

/// <summary>What a client sends to record a deployment.</summary>
public sealed record DeploymentRequest(string? Module, string? Environment, string? Version);
