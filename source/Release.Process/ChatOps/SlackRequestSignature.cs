using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Release.Process.ChatOps;

/// <summary>Why a request that claims to come from Slack was refused.</summary>
public enum SlackRequestRefusal
{
    /// <summary>The signature or timestamp header is missing or malformed.</summary>
    Unsigned,

    /// <summary>The timestamp is more than <see cref="SlackRequestSignature.MaxAge"/> away from now.</summary>
    Expired,

    /// <summary>The signature is not the signing secret's over this timestamp and body.</summary>
    Forged,

    /// <summary>The same signed request was already accepted.</summary>
    Replayed,
}

/// <summary>The outcome of checking a request: null <see cref="Refusal"/> when authentic.</summary>
/// <param name="Refusal">Why it was refused, or null.</param>
/// <param name="Message">What the caller is told (never the secret or the expected signature).</param>
/// <param name="Timestamp">The request's timestamp when it could be read.</param>
public sealed record SlackRequestCheck(SlackRequestRefusal? Refusal, string Message, DateTimeOffset? Timestamp)
{
    /// <summary>True when the request is Slack's.</summary>
    public bool Authentic => Refusal is null;
}

/// <summary>
/// Slack's request signing (version <c>v0</c>): Slack sends <c>X-Slack-Request-Timestamp</c> (Unix seconds) and
/// <c>X-Slack-Signature</c> = <c>v0=</c> + hex HMAC-SHA256, keyed with the app's signing secret, over
/// <c>v0:{timestamp}:{raw body}</c>. A request is Slack's when the signature matches (compared in constant time) and
/// the timestamp is within five minutes of now; replays inside that window are <see cref="SlackReplayGuard"/>'s job.
/// </summary>
public static class SlackRequestSignature
{
    /// <summary>The version prefix of the base string and the signature.</summary>
    public const string Version = "v0";

    /// <summary>How far a request's timestamp may be from now (either way).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>The signature Slack sends for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    /// <param name="signingSecret">The app's signing secret.</param>
    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> header's text.</param>
    /// <param name="body">The raw request body.</param>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] baseString = [.. Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"), .. body];
        return $"{Version}=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString));
    }

    /// <summary>Checks a request's headers and raw body against the signing secret at <paramref name="now"/>.</summary>
    /// <param name="signingSecret">The app's signing secret.</param>
    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> header, or null.</param>
    /// <param name="signature">The <c>X-Slack-Signature</c> header, or null.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="now">The time now.</param>
    public static SlackRequestCheck Check(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return new(
                SlackRequestRefusal.Unsigned,
                "The request is not signed by Slack (X-Slack-Request-Timestamp or X-Slack-Signature is missing).",
                null);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
            return new(SlackRequestRefusal.Unsigned, "The request's X-Slack-Request-Timestamp is not a Unix time in seconds.", null);
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - at).Duration() > MaxAge)
            return new(SlackRequestRefusal.Expired,
                $"The request's timestamp ({at:u}) is more than {MaxAge.TotalMinutes:0} minutes from this server's clock ({now:u}): refused as " +
                    "expired or replayed. " +
                "If Slack sent it just now, check the server's clock.", at);
        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
            return new(SlackRequestRefusal.Forged, "The request's signature does not match this app's signing secret: refused as forged.", at);
        return new(null, "Signed by Slack.", at);
    }
}
