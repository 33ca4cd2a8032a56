namespace Director.Windows;

/// <summary>
/// A change freeze that recurs every year between two calendar days (inclusive), e.g. the
/// year-end freeze from 20 December to 3 January, which wraps around new year.
/// </summary>
public sealed record AnnualFreeze(int StartMonth, int StartDay, int EndMonth, int EndDay, string Reason)
{
    /// <summary>True when <paramref name="date"/> falls inside the freeze.</summary>
    public bool Contains(DateOnly date)
    {
        var day = Key(date.Month, date.Day);
        var start = Key(StartMonth, StartDay);
        var end = Key(EndMonth, EndDay);
        // A freeze whose end comes before its start in the calendar spans the turn of the year.
        return start <= end ? day >= start && day <= end : day >= start || day <= end;
    }

    private static int Key(int month, int day) => month * 100 + day;
}
