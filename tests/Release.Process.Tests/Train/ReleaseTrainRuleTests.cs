using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Release.Process.Approvals;
using Release.Process.Train;

namespace Release.Process.Tests.Train;

/// <summary>
/// The daily release train's rule on a fake clock: the seed's train (Go/NoGo 16:00, release 17:00 India Standard Time,
/// weekdays), and the same train in a zone with daylight saving (Europe/London, America/Los_Angeles).
/// </summary>
public class ReleaseTrainRuleTests
{
    private static readonly string[] Blockers = ["role Sre has no Go vote", "checklist item dr-plan-drafted is not attested"];

    private static FakeTimeProvider Clock(string utc) => new(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

    private static TrainDecision Decide(ReleaseTrainSchedule schedule, string utc, bool go = true) =>
        ReleaseTrainRule.Decide(schedule, Clock(utc).GetUtcNow(), "director-1.4.0", go, go ? [] : Blockers);

    private static ReleaseTrainSchedule London() => new("Europe/London", new TimeOnly(16, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    [Test]
    public void At_five_pm_india_time_on_a_weekday_with_the_gate_go_the_train_departs()
    {
        // Monday 2026-12-07 17:00 IST is 11:30 UTC (IST is +05:30 all year).
        var decision = Decide(ReleaseTrainSchedule.SeedDefault(), "2026-12-07T11:30:00Z");

        Assert.That(decision.Verdict, Is.EqualTo(TrainVerdict.Depart));
        Assert.That(decision.Reason, Is.EqualTo("director-1.4.0 leaves on the 17:00 train of Mon 2026-12-07: its gate is Go."));
        Assert.That(decision.Departure, Is.EqualTo(DateTimeOffset.Parse("2026-12-07T17:00:00+05:30", CultureInfo.InvariantCulture)));
        Assert.That(decision.NextDeparture, Is.EqualTo(DateTimeOffset.Parse("2026-12-08T17:00:00+05:30", CultureInfo.InvariantCulture)));
    }

    [Test]
    public void At_release_time_with_the_gate_not_go_the_train_leaves_without_the_release_naming_every_blocker_and_the_next_departure()
    {
        // Friday 2026-12-11 17:20 IST: the next train is on Monday.
        var decision = Decide(ReleaseTrainSchedule.SeedDefault(), "2026-12-11T11:50:00Z", go: false);

        Assert.That(decision.Verdict, Is.EqualTo(TrainVerdict.NoGo));
        Assert.That(decision.Departs, Is.False);
        Assert.That(decision.Reason, Is.EqualTo(
            "The 17:00 train of Fri 2026-12-11 leaves without director-1.4.0: its gate is not Go:\n" +
            "- role Sre has no Go vote\n- checklist item dr-plan-drafted is not attested\n" +
            "Next departure: Mon 2026-12-14 17:00 +05:30."));
    }

    [TestCase("2026-12-07T11:29:00Z", "It is Mon 2026-12-07 16:59 +05:30, not release time: the train leaves at 17:00 (Go/NoGo at 16:00). Next departure: Mon 2026-12-07 17:00 +05:30.")]
    [TestCase("2026-12-07T12:30:00Z", "It is Mon 2026-12-07 18:00 +05:30, not release time: boarding closed at Mon 2026-12-07 18:00 +05:30. Next departure: Tue 2026-12-08 17:00 +05:30.")]
    [TestCase("2026-12-12T11:30:00Z", "It is Sat 2026-12-12 17:00 +05:30, not release time: the train does not run on Saturdays. Next departure: Mon 2026-12-14 17:00 +05:30.")]
    public void Outside_release_time_the_train_does_not_run_even_with_the_gate_go(string utc, string reason)
    {
        var decision = Decide(ReleaseTrainSchedule.SeedDefault(), utc);

        Assert.That(decision.Verdict, Is.EqualTo(TrainVerdict.NotReleaseTime));
        Assert.That(decision.Reason, Is.EqualTo(reason));
        Assert.That(decision.Departure, Is.Null);
    }

    [Test]
    public void The_india_train_is_one_utc_schedule_all_year()
    {
        Assert.That(ReleaseTrainSchedule.SeedDefault().UtcCrons(2026), Is.EqualTo(new[] { "30 11 * * 1,2,3,4,5" }));
    }

    [Test]
    public void In_a_zone_with_daylight_saving_the_train_leaves_at_five_pm_local_on_both_sides_of_the_change()
    {
        var london = London();

        // Friday 2026-03-27 is on GMT (+00:00): 17:00 local is 17:00 UTC. Monday 2026-03-30 is on BST (+01:00): 16:00 UTC.
        Assert.That(Decide(london, "2026-03-27T17:00:00Z").Verdict, Is.EqualTo(TrainVerdict.Depart));
        Assert.That(Decide(london, "2026-03-27T16:00:00Z").Reason, Does.StartWith("It is Fri 2026-03-27 16:00 +00:00, not release time"));
        Assert.That(Decide(london, "2026-03-30T16:00:00Z").Verdict, Is.EqualTo(TrainVerdict.Depart));
        Assert.That(Decide(london, "2026-03-30T16:00:00Z").Departure, Is.EqualTo(DateTimeOffset.Parse("2026-03-30T17:00:00+01:00", CultureInfo.InvariantCulture)));
        Assert.That(Decide(london, "2026-03-27T17:30:00Z").NextDeparture, Is.EqualTo(DateTimeOffset.Parse("2026-03-30T16:00:00Z", CultureInfo.InvariantCulture)),
            "the next departure after the weekend of the change is an hour earlier in UTC");
        // Back to GMT on Sunday 2026-10-25.
        Assert.That(Decide(london, "2026-10-26T17:00:00Z").Verdict, Is.EqualTo(TrainVerdict.Depart));
        Assert.That(Decide(london, "2026-10-26T16:00:00Z").Verdict, Is.EqualTo(TrainVerdict.NotReleaseTime));
    }

    [Test]
    public void A_zone_with_daylight_saving_needs_one_utc_schedule_per_offset_and_days_move_with_a_departure_on_the_next_utc_day()
    {
        Assert.That(London().UtcCrons(2026), Is.EqualTo(new[] { "0 17 * * 1,2,3,4,5", "0 16 * * 1,2,3,4,5" }));
        var losAngeles = new ReleaseTrainSchedule("America/Los_Angeles", new TimeOnly(16, 0), new TimeOnly(17, 0),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        // 17:00 PST is 01:00 UTC the next day, 17:00 PDT 00:00 UTC the next day: Tuesday to Saturday in UTC.
        Assert.That(losAngeles.UtcCrons(2026), Is.EqualTo(new[] { "0 1 * * 2,3,4,5,6", "0 0 * * 2,3,4,5,6" }));
    }

    [Test]
    public void A_local_time_in_the_spring_forward_gap_is_the_first_instant_after_it_and_one_in_the_overlap_its_first_occurrence()
    {
        var london = London();

        Assert.That(london.At(new DateOnly(2026, 3, 29), new TimeOnly(1, 30)), Is.EqualTo(DateTimeOffset.Parse("2026-03-29T02:00:00+01:00", CultureInfo.InvariantCulture)));
        Assert.That(london.At(new DateOnly(2026, 10, 25), new TimeOnly(1, 30)), Is.EqualTo(DateTimeOffset.Parse("2026-10-25T01:30:00+01:00", CultureInfo.InvariantCulture)));
    }

    [Test]
    public void The_train_of_the_production_voting_window_calls_when_votes_open_and_departs_when_they_close()
    {
        var train = ReleaseTrainSchedule.From(VotingWindow.SeedDefault());

        Assert.That((train.TimeZone.Id, train.GoNoGoAt, train.DepartsAt, train.Days.Count), Is.EqualTo(("Asia/Kolkata", new TimeOnly(16, 0), new TimeOnly(17, 0), 5)));
        Assert.That(train.ToString(), Is.EqualTo("Go/NoGo 16:00, release 17:00 Asia/Kolkata, Mon,Tue,Wed,Thu,Fri"));
    }

    [Test]
    public void A_train_departing_before_its_call_or_in_an_unknown_zone_or_on_no_day_is_refused_with_the_fix()
    {
        Assert.That(() => new ReleaseTrainSchedule("Asia/Kolkata", new TimeOnly(17, 0), new TimeOnly(16, 0), [DayOfWeek.Monday]),
            Throws.ArgumentException.With.Message.Contains("departs at 16:00, not after its Go/NoGo call at 17:00"));
        Assert.That(() => new ReleaseTrainSchedule("Mars/Olympus", new TimeOnly(16, 0), new TimeOnly(17, 0), [DayOfWeek.Monday]),
            Throws.ArgumentException.With.Message.Contains("'Mars/Olympus' is not known").And.Message.Contains("Asia/Kolkata"));
        Assert.That(() => new ReleaseTrainSchedule("Asia/Kolkata", new TimeOnly(16, 0), new TimeOnly(17, 0), []),
            Throws.ArgumentException.With.Message.Contains("runs on no day"));
    }
}
