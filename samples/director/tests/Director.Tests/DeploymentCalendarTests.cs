using Director.Windows;

namespace Director.Tests;

public class DeploymentCalendarTests
{
    private static readonly DeploymentPolicy Production = DeploymentPolicies.Default.Find("production")!;

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Test]
    public void Tuesday_morning_inside_business_hours_is_open()
    {
        var at = Utc(2026, 11, 24, 10, 30); // Tuesday
        var decision = DeploymentCalendar.Decide(Production, at);
        Assert.That(decision.Allowed, Is.True);
        Assert.That(decision.Reason, Is.EqualTo("Window open."));
        Assert.That(decision.NextOpening, Is.EqualTo(at));
    }

    [Test]
    public void Before_opening_time_is_closed_and_points_at_the_same_day()
    {
        var decision = DeploymentCalendar.Decide(Production, Utc(2026, 11, 24, 7));
        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.Reason, Does.Contain("09:00-16:00"));
        Assert.That(decision.NextOpening, Is.EqualTo(Utc(2026, 11, 24, 9)));
    }

    [Test]
    public void Closing_time_itself_is_outside_the_window()
    {
        var decision = DeploymentCalendar.Decide(Production, Utc(2026, 11, 24, 16));
        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.NextOpening, Is.EqualTo(Utc(2026, 11, 25, 9)));
    }

    [Test]
    public void Friday_afternoon_points_at_next_monday()
    {
        var decision = DeploymentCalendar.Decide(Production, Utc(2026, 11, 27, 11)); // Friday
        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.Reason, Is.EqualTo("No deployments to production on Friday."));
        Assert.That(decision.NextOpening, Is.EqualTo(Utc(2026, 11, 30, 9)));
    }

    [Test]
    public void Year_end_freeze_blocks_a_weekday_and_points_past_new_year()
    {
        var decision = DeploymentCalendar.Decide(Production, Utc(2026, 12, 22, 10)); // Tuesday, frozen
        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.Reason, Is.EqualTo("Frozen: year-end change freeze."));
        Assert.That(decision.NextOpening, Is.EqualTo(Utc(2027, 1, 4, 9))); // Monday after the freeze
    }

    [Test]
    public void A_moment_with_an_offset_is_judged_in_utc()
    {
        var decision = DeploymentCalendar.Decide(Production, new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(5)));
        Assert.That(decision.At, Is.EqualTo(Utc(2026, 11, 24, 6)));
        Assert.That(decision.Allowed, Is.False);
    }

    [Test]
    public void Windows_skip_weekends_and_frozen_days()
    {
        var windows = DeploymentCalendar.Windows(Production, new DateOnly(2026, 12, 14), 10);
        Assert.That(windows.Select(w => w.Start), Is.EqualTo(new[]
        {
            Utc(2026, 12, 14, 9), Utc(2026, 12, 15, 9), Utc(2026, 12, 16, 9), Utc(2026, 12, 17, 9),
        }));
        Assert.That(windows.All(w => w.End - w.Start == TimeSpan.FromHours(7)), Is.True);
    }

    [Test]
    public void Zero_days_yield_no_windows_and_negative_days_are_rejected()
    {
        Assert.That(DeploymentCalendar.Windows(Production, new DateOnly(2026, 11, 24), 0), Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeploymentCalendar.Windows(Production, new DateOnly(2026, 11, 24), -1));
    }

    [Test]
    public void A_policy_that_never_opens_has_no_next_opening()
    {
        var never = new DeploymentPolicy("archive", new HashSet<DayOfWeek>(), new TimeOnly(9, 0), new TimeOnly(10, 0), []);
        var decision = DeploymentCalendar.Decide(never, Utc(2026, 11, 24, 9, 30));
        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.NextOpening, Is.Null);
    }

    [Test]
    public void Development_is_open_at_any_time()
    {
        var development = DeploymentPolicies.Default.Find("DEVELOPMENT")!;
        Assert.That(DeploymentCalendar.Decide(development, Utc(2026, 12, 25, 23, 59)).Allowed, Is.True);
    }
}
