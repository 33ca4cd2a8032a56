using System.Globalization;
using Release.Process.Approvals;
using Release.Process.Calendar;

namespace Release.Process.Train;

/// <summary>
/// The daily release train: the Go/NoGo call at <see cref="GoNoGoAt"/> and the departure (the release) at
/// <see cref="DepartsAt"/>, local times in <see cref="TimeZone"/>, on <see cref="Days"/>. The seed's train: the call at
/// 16:00 and the release at 17:00 India Standard Time, Monday to Friday (<see cref="SeedDefault"/>). Local times are
/// turned into instants per date, so a zone with daylight saving departs at the same local time all year round.
/// </summary>
public sealed class ReleaseTrainSchedule
{
    /// <summary>Creates a train.</summary>
    /// <param name="timeZoneId">An IANA or Windows time zone id, e.g. <c>Asia/Kolkata</c>.</param>
    /// <param name="goNoGoAt">Local time of the Go/NoGo call (votes open).</param>
    /// <param name="departsAt">Local time of the release; after the call.</param>
    /// <param name="days">Days the train runs.</param>
    /// <exception cref="ArgumentException">Unknown time zone, no days, or the release not after the call.</exception>
    public ReleaseTrainSchedule(string timeZoneId, TimeOnly goNoGoAt, TimeOnly departsAt, IEnumerable<DayOfWeek> days)
    {
        _week = TeamWeek.Create(timeZoneId, days, "Release train", "The release train runs on no day: give at least one day of the week.",
            nameof(timeZoneId), nameof(days));
        if (departsAt <= goNoGoAt)
            throw new ArgumentException(
                $"The release train departs at {departsAt:HH\\:mm}, not after its Go/NoGo call at {goNoGoAt:HH\\:mm}: the call must come first on " +
                    "the same day.", nameof(departsAt));
        GoNoGoAt = goNoGoAt;
        DepartsAt = departsAt;
    }

    private readonly TeamWeek _week;

    /// <summary>The team's time zone.</summary>
    public TimeZoneInfo TimeZone => _week.TimeZone;

    /// <summary>Local time of the Go/NoGo call.</summary>
    public TimeOnly GoNoGoAt { get; }

    /// <summary>Local time the release starts.</summary>
    public TimeOnly DepartsAt { get; }

    /// <summary>Days the train runs, in order.</summary>
    public IReadOnlyList<DayOfWeek> Days => _week.Days;

    /// <summary>
    /// How long after <see cref="DepartsAt"/> a run still catches the train: a scheduled CI pipeline starts late when
    /// runners are busy, and the release's own stages run before the departure is decided. Default one hour.
    /// </summary>
    public TimeSpan Boarding { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The seed's train: Go/NoGo at 16:00, release at 17:00, Asia/Kolkata, Monday to Friday.</summary>
    public static ReleaseTrainSchedule SeedDefault() => new("Asia/Kolkata", new TimeOnly(16, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    /// <summary>The train of a gate's voting window: the call when votes open, the release when they close.</summary>
    /// <param name="window">The production gate's voting window.</param>
    public static ReleaseTrainSchedule From(VotingWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new(window.TimeZone.Id, window.Opens, window.Closes, window.Days);
    }

    /// <summary>
    /// The instant a local time of a date happens. In a spring-forward gap it is the first instant after the gap;
    /// in a fall-back overlap it is the first occurrence (still on daylight time).
    /// </summary>
    /// <param name="date">The local date.</param>
    /// <param name="time">The local time.</param>
    public DateTimeOffset At(DateOnly date, TimeOnly time) => _week.At(date, time);

    /// <summary>The local date of an instant in the team's zone.</summary>
    /// <param name="instant">The instant.</param>
    public DateOnly LocalDate(DateTimeOffset instant) => _week.LocalDate(instant);

    /// <summary>The first departure at or after <paramref name="from"/>.</summary>
    /// <param name="from">The instant to look from.</param>
    public DateTimeOffset NextDeparture(DateTimeOffset from) => _week.Next(DepartsAt, from, orAt: true);

    /// <summary>
    /// Five-field cron lines (UTC, as CI schedules are) that start a run at every departure: one line per UTC offset the
    /// zone uses in <paramref name="year"/> (India: one; a zone with daylight saving: two, and the run of the other
    /// season is told it is not the train's time). Days move with the offset when the departure falls on another UTC day.
    /// </summary>
    /// <param name="year">The year whose offsets are used.</param>
    public IReadOnlyList<string> UtcCrons(int year)
    {
        var lines = new List<string>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (!Days.Contains(date.DayOfWeek)) continue;
            var utc = At(date, DepartsAt).UtcDateTime;
            var shift = DateOnly.FromDateTime(utc).DayNumber - date.DayNumber;
            var days = string.Join(",", Days.Select(d => (int)(((int)d + shift + 7) % 7)).Order());
            var line = string.Create(CultureInfo.InvariantCulture, $"{utc.Minute} {utc.Hour} * * {days}");
            if (!lines.Contains(line)) lines.Add(line);
        }
        return lines;
    }

    /// <summary>An instant in the team's local time, for messages (e.g. <c>Mon 2026-12-07 17:00 +05:30</c>).</summary>
    /// <param name="instant">The instant.</param>
    public string Local(DateTimeOffset instant) => _week.Local(instant);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Go/NoGo {GoNoGoAt:HH\\:mm}, release {DepartsAt:HH\\:mm} {TimeZone.Id}, {string.Join(",", Days.Select(d => d.ToString()[..3]))}");
}
