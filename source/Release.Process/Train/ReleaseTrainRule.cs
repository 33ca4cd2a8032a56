namespace Release.Process.Train;

/// <summary>
/// Decides whether the release train leaves now: on a train day, from the release time until boarding closes
/// (<see cref="ReleaseTrainSchedule.Boarding"/>), and only when the gate is Go. Plain code: the clock and the gate's
/// decision are given.
/// </summary>
public static class ReleaseTrainRule
{
    /// <summary>Decides the train.</summary>
    /// <param name="schedule">The train.</param>
    /// <param name="now">The instant of the decision (from the injected clock).</param>
    /// <param name="release">The release on the train, e.g. <c>director-1.4.0</c>.</param>
    /// <param name="gatePassed">Whether the release's gate is Go.</param>
    /// <param name="blockers">Why the gate is not Go (empty when it is).</param>
    public static TrainDecision Decide(
        ReleaseTrainSchedule schedule,
        DateTimeOffset now,
        string release,
        bool gatePassed,
        IReadOnlyList<string> blockers)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(blockers);
        var date = schedule.LocalDate(now);
        var departure = schedule.Days.Contains(date.DayOfWeek) ? schedule.At(date, schedule.DepartsAt) : (DateTimeOffset?)null;
        var boarding = departure is { } d && now >= d && now < d + schedule.Boarding;
        if (!boarding)
        {
            var next = schedule.NextDeparture(now);
            var why = departure is null ? $"the train does not run on {date.DayOfWeek}s"
                : now < departure ? $"the train leaves at {schedule.DepartsAt:HH\\:mm} (Go/NoGo at {schedule.GoNoGoAt:HH\\:mm})"
                : $"boarding closed at {schedule.Local(departure.Value + schedule.Boarding)}";
            return new TrainDecision(TrainVerdict.NotReleaseTime,
                $"It is {schedule.Local(now)}, not release time: {why}. Next departure: {schedule.Local(next)}.", null, next);
        }
        var after = schedule.NextDeparture(departure!.Value.AddTicks(1));
        if (!gatePassed)
            return new TrainDecision(TrainVerdict.NoGo,
                $"The {schedule.DepartsAt:HH\\:mm} train of {schedule.Local(departure.Value)[..14]} leaves without {release}: its gate is not Go" +
                (blockers.Count == 0 ? "." : ":\n- " + string.Join("\n- ", blockers)) + $"\nNext departure: {schedule.Local(after)}.",
                departure, after);
        return new TrainDecision(TrainVerdict.Depart,
            $"{release} leaves on the {schedule.DepartsAt:HH\\:mm} train of {schedule.Local(departure.Value)[..14]}: its gate is " +
                "Go.", departure, after);
    }
}
