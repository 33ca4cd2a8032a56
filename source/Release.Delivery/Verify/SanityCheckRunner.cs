using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Release.Delivery.Verify;

/// <summary>
/// Runs a module's <see cref="SanityChecks"/> against one base URL: the health endpoint, every check, every journey.
/// Every check runs (a failure does not hide the others); a journey stops at its first failing step.
/// </summary>
/// <param name="http">The client the requests go through (its timeout bounds each request).</param>
public sealed partial class SanityCheckRunner(HttpClient http)
{
    private const int BodyShown = 300;

    /// <summary>Runs the health check, the checks and the journeys against <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The environment's URL, e.g. <c>http://127.0.0.1:5123</c>.</param>
    /// <param name="healthPath">The module's health endpoint.</param>
    /// <param name="checks">The declared checks.</param>
    /// <param name="ct">Cancels the run.</param>
    public async Task<IReadOnlyList<SanityCheckResult>> RunAsync(string baseUrl, string healthPath, SanityChecks checks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var root = baseUrl.TrimEnd('/');
        var results = new List<SanityCheckResult>
        {
            await CheckAsync("health", "health", root, new JourneyStep("GET", healthPath), new Dictionary<string, string>(), ct).ConfigureAwait(
                false),
        };
        foreach (var check in checks.Checks)
            results.Add(await CheckAsync(check.Name, "check", root,
                new JourneyStep("GET", check.Path) {
                    ExpectedStatus = check.ExpectedStatus,
                    BodyContains = check.BodyContains }, new Dictionary<string, string>(), ct).ConfigureAwait(false));
        foreach (var journey in checks.Journeys)
            results.Add(await JourneyAsync(journey, root, ct).ConfigureAwait(false));
        return results;
    }

    private async Task<SanityCheckResult> JourneyAsync(Journey journey, string root, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var done = new List<string>();
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            var result = await CheckAsync(journey.Name, "journey", root, step, values, ct).ConfigureAwait(false);
            if (!result.Passed)
                return result with { Detail = $"step {i + 1} of {journey.Steps.Count} failed: {result.Detail}" + (done.Count == 0
                    ? ""
                    : $" (after {string.Join("; ", done)})"), Duration = clock.Elapsed };
            done.Add(result.Detail);
        }
        return new SanityCheckResult(journey.Name, "journey", true, string.Join("; ", done), clock.Elapsed);
    }

    // One request: placeholders filled, status and body compared, captures taken into values.
    private async Task<SanityCheckResult> CheckAsync(
        string name,
        string kind,
        string root,
        JourneyStep step,
        Dictionary<string, string> values,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        SanityCheckResult Result(bool passed, string detail) => new(name, kind, passed, detail, clock.Elapsed);
        string path, asked;
        try
        {
            path = Fill(step.Path, values, escape: true);
            asked = $"{step.Method.ToUpperInvariant()} {path}";
        }
        catch (KeyNotFoundException e)
        {
            return Result(false, e.Message);
        }
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(step.Method.ToUpperInvariant()), root + path);
            if (step.Body is not null)
                request.Content = new StringContent(Fill(step.Body, values), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status != step.ExpectedStatus)
                return Result(false, $"{asked} answered {status}, expected {step.ExpectedStatus}; body: {Shown(body)}");
            if (step.BodyContains is { } expected && !body.Contains(Fill(expected, values), StringComparison.Ordinal))
                return Result(false, $"{asked} answered {status} without \"{Fill(expected, values)}\" in its body: {Shown(body)}");
            foreach (var (key, location) in step.Capture)
            {
                if (Capture(body, location) is not { } value)
                    return Result(
                        false,
                        $"{asked} answered {status}, but '{location}' (captured as {{{key}}}) is not in its JSON body: {Shown(body)}");
                values[key] = value;
            }
            return Result(true, $"{asked} answered {status}");
        }
        catch (KeyNotFoundException e)
        {
            return Result(false, $"{asked}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return Result(false, $"{asked} failed: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Result(false, $"{asked} did not answer within {http.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }

    // Values go into a path escaped, into a body or an expected text as they are.
    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool escape = false) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? (escape ? Uri.EscapeDataString(value) : value)
            : throw new KeyNotFoundException($"the placeholder {m.Value} has no value: no earlier step captured '{m.Groups[1].Value}'"));

    // A value at a dot-separated location of a JSON document: property names (ignoring case) and array indexes.
    private static string? Capture(string body, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var part in location.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < element.GetArrayLength())
                    element = element[index];
                else if (element.ValueKind == JsonValueKind.Object && element.EnumerateObject().FirstOrDefault(
                    p => p.Name.Equals(part, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } property)
                    element = property.Value;
                else
                    return null;
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => element.GetRawText(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shown(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length == 0 ? "(empty)" : flat.Length <= BodyShown ? flat : flat[..BodyShown] + "…";
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
