namespace Release.Process.Applications.Releases;

/// <summary>One application release that went to an environment (a promotion, or a rollback that restored it).</summary>
/// <param name="Environment">Where.</param>
/// <param name="Set">The set it runs from then on.</param>
/// <param name="At">When.</param>
public sealed record SetDeployment(string Environment, ReleaseManifest Set, DateTimeOffset At);

/// <summary>A blessed application release: production takes this set, with exactly these module digests, and no other.</summary>
/// <param name="Set">The set blessed (its digest and every module's pins).</param>
/// <param name="BlessedAt">When.</param>
public sealed record BlessedSet(ReleaseManifest Set, DateTimeOffset BlessedAt);
