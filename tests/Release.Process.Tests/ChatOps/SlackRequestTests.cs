using System.Security.Cryptography;
using System.Text;
using Release.Process.ChatOps;

namespace Release.Process.Tests.ChatOps;

/// <summary>Slack's request signing (v0, HMAC-SHA256 over "v0:TS:BODY", five minutes) and replay refusal.</summary>
public class SlackRequestTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_531_420_618);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=x&team_id=T1&command=%2Frelease&text=status");

    // Computed here with .NET's HMAC, not through the code under test.
    private static string Sign(string secret, long timestamp, byte[] body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray()));

    [Test]
    public void A_request_signed_with_the_secret_within_five_minutes_is_authentic()
    {
        var ts = Now.ToUnixTimeSeconds() - 299;
        var check = SlackRequestSignature.Check(Secret, ts.ToString(), Sign(Secret, ts, Body), Body, Now);
        Assert.That(check.Authentic, Is.True, check.Message);
        Assert.That(SlackRequestSignature.Compute(Secret, ts.ToString(), Body), Is.EqualTo(Sign(Secret, ts, Body)));
    }

    [Test]
    public void Forged_changed_expired_future_and_unsigned_requests_are_refused_with_their_reason()
    {
        var ts = Now.ToUnixTimeSeconds();
        Assert.That(SlackRequestSignature.Check(Secret, ts.ToString(), Sign("other", ts, Body), Body, Now).Refusal, Is.EqualTo(SlackRequestRefusal.Forged));
        Assert.That(SlackRequestSignature.Check(Secret, ts.ToString(), Sign(Secret, ts, Body), [.. Body, (byte)'x'], Now).Refusal, Is.EqualTo(SlackRequestRefusal.Forged));
        Assert.That(SlackRequestSignature.Check(Secret, (ts + 1).ToString(), Sign(Secret, ts, Body), Body, Now).Refusal, Is.EqualTo(SlackRequestRefusal.Forged));
        Assert.That(SlackRequestSignature.Check(Secret, (ts - 301).ToString(), Sign(Secret, ts - 301, Body), Body, Now).Refusal, Is.EqualTo(SlackRequestRefusal.Expired));
        Assert.That(SlackRequestSignature.Check(Secret, (ts + 301).ToString(), Sign(Secret, ts + 301, Body), Body, Now).Refusal, Is.EqualTo(SlackRequestRefusal.Expired));
        Assert.That(SlackRequestSignature.Check(Secret, null, Sign(Secret, ts, Body), Body, Now).Refusal, Is.EqualTo(SlackRequestRefusal.Unsigned));
        Assert.That(SlackRequestSignature.Check(Secret, "12e3", Sign(Secret, ts, Body), Body, Now).Refusal, Is.EqualTo(SlackRequestRefusal.Unsigned));
        var forged = SlackRequestSignature.Check(Secret, ts.ToString(), Sign("other", ts, Body), Body, Now);
        Assert.That(forged.Message, Does.Not.Contain(Secret).And.Not.Contain(Sign(Secret, ts, Body)[3..]));
    }

    [Test]
    public void A_signature_is_admitted_once_within_the_window_and_forgotten_after_it()
    {
        var guard = new SlackReplayGuard();
        Assert.That(guard.Admit("v0=abc", Now, Now), Is.True);
        Assert.That(guard.Admit("v0=abc", Now, Now.AddMinutes(4)), Is.False);
        Assert.That(guard.Admit("v0=def", Now, Now.AddMinutes(1)), Is.True);
        Assert.That(guard.Admit("v0=xyz", Now.AddMinutes(6), Now.AddMinutes(6)), Is.True);
        Assert.That(guard.Count, Is.EqualTo(1), "signatures older than the window are dropped: their timestamp fails the check anyway");
    }
}

/// <summary>When the Go/NoGo call is made: the next opening of the voting window.</summary>
public class VotingWindowOpeningTests
{
    [Test]
    public void The_next_opening_is_the_next_weekday_at_16_00_IST()
    {
        var window = Release.Process.Approvals.VotingWindow.SeedDefault();
        var wednesdayInside = new DateTimeOffset(2026, 11, 25, 10, 31, 0, TimeSpan.Zero); // 16:01 IST
        Assert.That(window.NextOpening(wednesdayInside), Is.EqualTo(new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.Zero)));
        var wednesdayMorning = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
        Assert.That(window.NextOpening(wednesdayMorning), Is.EqualTo(new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.Zero)));
        var fridayEvening = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        Assert.That(window.NextOpening(fridayEvening), Is.EqualTo(new DateTimeOffset(2026, 11, 30, 10, 30, 0, TimeSpan.Zero)), "Monday, after the weekend");
        Assert.That(window.Contains(window.NextOpening(fridayEvening)), Is.True);
    }
}
