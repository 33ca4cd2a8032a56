using Director.Windows;

namespace Director.Tests;

public class AnnualFreezeTests
{
    private static readonly AnnualFreeze YearEnd = new(12, 20, 1, 3, "year-end");
    private static readonly AnnualFreeze Summer = new(7, 1, 7, 15, "summer");

    [TestCase(2026, 12, 20, true)]
    [TestCase(2026, 12, 31, true)]
    [TestCase(2027, 1, 1, true)]
    [TestCase(2027, 1, 3, true)]
    [TestCase(2027, 1, 4, false)]
    [TestCase(2026, 12, 19, false)]
    [TestCase(2026, 6, 15, false)]
    public void A_freeze_that_wraps_around_new_year_covers_both_ends(int year, int month, int day, bool expected) =>
        Assert.That(YearEnd.Contains(new DateOnly(year, month, day)), Is.EqualTo(expected));

    [TestCase(7, 1, true)]
    [TestCase(7, 15, true)]
    [TestCase(7, 16, false)]
    [TestCase(6, 30, false)]
    [TestCase(1, 5, false)]
    public void A_freeze_within_one_year_is_inclusive_at_both_ends(int month, int day, bool expected) =>
        Assert.That(Summer.Contains(new DateOnly(2026, month, day)), Is.EqualTo(expected));
}
