using System.Globalization;

namespace Release.Process.Calendar;

/// <summary>
/// Local times on chosen weekdays in a team's time zone: what a voting window and a release train share. Local times
/// are turned into instants per date, so a time in a zone with daylight saving is the same local time all year round.
/// </summary>
/// <param name="TimeZone">The team's time zone.</param>
/// <param name="Days">The days, distinct and in order; never empty.</param>
internal sealed record TeamWeek(TimeZoneInfo TimeZone, IReadOnlyList<DayOfWeek> Days)
{
    /// <summary>
    /// Checks and creates a week; <paramref name="what"/> names the owner in the messages ("Voting window").
    /// </summary>
    /// <exception cref="ArgumentException">An unknown time zone, or no day.</exception>
    public static TeamWeek Create(
        string timeZoneId, IEnumerable<DayOfWeek> days, string what, string noDays, string zoneParameter, string daysParameter)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException(
                $"{what} time zone '{timeZoneId}' is not known on this machine: use an IANA id such as 'Asia/Kolkata' (and install tzdata).",
                zoneParameter, e);
        }
        var ordered = days.Distinct().Order().ToArray();
        if (ordered.Length == 0) throw new ArgumentException(noDays, daysParameter);
        return new TeamWeek(zone, ordered);
    }

    /// <summary>
    /// The instant a local time of a date happens. In a spring-forward gap it is the first instant after the gap;
    /// in a fall-back overlap it is the first occurrence (still on daylight time).
    /// </summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The first instant at local <paramref name="time"/> on one of the days that comes after <paramref name="from"/>
    /// (or at it, when <paramref name="orAt"/>).
    /// </summary>
    public DateTimeOffset Next(TimeOnly time, DateTimeOffset from, bool orAt)
    {
        var today = LocalDate(from);
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            if (!Days.Contains(date.DayOfWeek)) continue;
            var instant = At(date, time);
            if (instant > from || (orAt && instant == from)) return instant;
        }
        throw new InvalidOperationException("A week with at least one day has that time within eight days."); // unreachable: Days is never empty
    }

    /// <summary>An instant in the team's local time, for messages (e.g. <c>Mon 2026-12-07 17:00 +05:30</c>).</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZone).ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
