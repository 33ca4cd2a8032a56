namespace Release.Process.Train;

/// <summary>What the release train does now.</summary>
public enum TrainVerdict
{
    /// <summary>It is release time and the gate is Go: release.</summary>
    Depart,

    /// <summary>It is release time but the gate is not Go: no release today; the team hears why.</summary>
    NoGo,

    /// <summary>It is not release time (another day, before the release, or after boarding closed): no release.</summary>
    NotReleaseTime,
}

/// <summary>The train's decision and why.</summary>
/// <param name="Verdict">Depart, NoGo or not release time.</param>
/// <param name="Reason">One sentence (with the blockers for a NoGo), in the team's local time.</param>
/// <param name="Departure">The departure this run belongs to, or null when it is not release time.</param>
/// <param name="NextDeparture">The next departure after this run's (the next chance for a release that did not go).</param>
public sealed record TrainDecision(TrainVerdict Verdict, string Reason, DateTimeOffset? Departure, DateTimeOffset NextDeparture)
{
    /// <summary>True when the release runs.</summary>
    public bool Departs => Verdict == TrainVerdict.Depart;
}
