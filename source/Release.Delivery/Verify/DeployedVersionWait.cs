using System.Globalization;
using System.Text.Json;

namespace Release.Delivery.Verify;

/// <summary>
/// Waits until an environment reports a version: after a GitOps commit the environment changes when Flux applies it,
/// so the sanity checks must not start before the new release answers (they would check the one before). Polls the
/// version endpoint every <see cref="PollInterval"/> until it reports the version or the deadline passes; each poll
/// is one request, the only wait between polls is the interval, and cancellation ends the wait at once.
/// </summary>
/// <param name="http">The client the polls go through (its timeout bounds each poll).</param>
/// <param name="clock">The clock the deadline and the interval are measured on.</param>
public sealed class DeployedVersionWait(HttpClient http, TimeProvider clock)
{
    /// <summary>Time between two polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Polls <paramref name="versionUrl"/> until it reports <paramref name="version"/>; returns how many polls it took.
    /// </summary>
    /// <param name="versionUrl">The version endpoint, e.g. <c>https://director.example/version</c>.</param>
    /// <param name="version">The version the environment must report.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="ct">Ends the wait.</param>
    /// <exception cref="TimeoutException">The deadline passed; the message names the URL, the version and the last answer.</exception>
    public async Task<int> UntilReportsAsync(string versionUrl, string version, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + timeout;
        var last = "no answer yet";
        for (var poll = 1; ; poll++)
        {
            ct.ThrowIfCancellationRequested();
            string? reported;
            (reported, last) = await AskAsync(versionUrl, ct).ConfigureAwait(false);
            if (reported is not null && Matches(reported, version)) return poll;
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"{versionUrl} did not report {version} within {timeout.TotalSeconds:0.#} s ({poll} polls); its last answer: {last}"));
            await Task.Delay(left < PollInterval ? left : PollInterval, clock, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a reported version is <paramref name="version"/>: the same text, or the same with build metadata
    /// (<c>1.4.0+g0156133</c> reports release 1.4.0).
    /// </summary>
    public static bool Matches(string reported, string version) =>
        reported == version || reported.StartsWith(version + "+", StringComparison.Ordinal);

    // One poll: the version the endpoint reports (a JSON "version" property, or a plain-text body), and how to describe the answer.
    private async Task<(string? Version, string Described)> AskAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
            var body = (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Trim();
            var status = (int)response.StatusCode;
            var shown = body.Length <= 200 ? body : body[..200] + "…";
            if (status != 200) return (null, $"HTTP {status} {shown}");
            var version = Read(body);
            return (version, version is null ? $"HTTP 200 without a version: {shown}" : $"version {version}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"no connection ({e.Message})");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no answer within {http.Timeout.TotalSeconds:0.#} s"));
        }
    }

    private static string? Read(string body)
    {
        if (!body.StartsWith('{')) return body.Length is > 0 and <= 100 && !body.Contains('\n', StringComparison.Ordinal) ? body : null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.EnumerateObject()
                .FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                .Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
