using Release.Process.Calendar;

namespace Release.Process.Approvals;

/// <summary>
/// When Go/NoGo votes are accepted. The seed process votes from 16:00 and releases at 17:00 India Standard Time on
/// weekdays: <see cref="SeedDefault"/>. Times are local to <see cref="TimeZone"/>; the window is [opens, closes).
/// </summary>
public sealed class VotingWindow
{
    /// <summary>Creates a window.</summary>
    /// <param name="timeZoneId">An IANA or Windows time zone id, e.g. <c>Asia/Kolkata</c>.</param>
    /// <param name="opens">Local time votes open (inclusive).</param>
    /// <param name="closes">Local time votes close (exclusive); the release starts then.</param>
    /// <param name="days">Days votes are accepted.</param>
    /// <exception cref="ArgumentException">Unknown time zone, empty days, or closes not after opens.</exception>
    public VotingWindow(string timeZoneId, TimeOnly opens, TimeOnly closes, IEnumerable<DayOfWeek> days)
    {
        _week = TeamWeek.Create(timeZoneId, days, "Voting window", "Voting window has no days: give at least one day of the week.",
            nameof(timeZoneId), nameof(days));
        if (closes <= opens)
            throw new ArgumentException(
                $"Voting window closes at {closes:HH\\:mm}, not after it opens at {opens:HH\\:mm}: windows over midnight are not supported.",
                nameof(closes));
        Opens = opens;
        Closes = closes;
    }

    private readonly TeamWeek _week;

    /// <summary>The time zone the times are in.</summary>
    public TimeZoneInfo TimeZone => _week.TimeZone;

    /// <summary>Local opening time (inclusive).</summary>
    public TimeOnly Opens { get; }

    /// <summary>Local closing time (exclusive), when the release starts.</summary>
    public TimeOnly Closes { get; }

    /// <summary>Days votes are accepted, in order.</summary>
    public IReadOnlyList<DayOfWeek> Days => _week.Days;

    /// <summary>The seed's window: Monday to Friday, 16:00 to 17:00 in Asia/Kolkata.</summary>
    public static VotingWindow SeedDefault() => new("Asia/Kolkata", new TimeOnly(16, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    /// <summary>True when the instant falls inside the window.</summary>
    /// <param name="instant">The instant, in any offset.</param>
    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= Opens && time < Closes;
    }

    /// <summary>The first instant after <paramref name="after"/> at which the window opens (when the Go/NoGo call is made).</summary>
    /// <param name="after">The instant to look from.</param>
    public DateTimeOffset NextOpening(DateTimeOffset after) => _week.Next(Opens, after, orAt: false);

    /// <summary>The instant in the window's local time, for messages.</summary>
    /// <param name="instant">The instant.</param>
    public string Local(DateTimeOffset instant) => _week.Local(instant);

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join('/', Days.Select(d => d.ToString()[..3]))} {Opens:HH\\:mm}-{Closes:HH\\:mm} {TimeZone.Id}";
}
