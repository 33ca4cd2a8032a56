using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway;

/// <summary>What a client asks the gateway: deploy <paramref name="Module"/> at <paramref name="Version"/>, now or at <paramref name="At"/>.</summary>
public sealed record DeploymentAsk(string? Module, string? Version, DateTimeOffset? At);

/// <summary>The director's answer, as the gateway reads it.</summary>
public sealed record Decision(string Environment, DateTimeOffset At, bool Allowed, string Reason, DateTimeOffset? NextOpening);

/// <summary>A deployment the ledger recorded.</summary>
public sealed record Recorded(long Sequence, string Module, string Environment, string Version, DateTimeOffset At);

/// <summary>
/// The request that crosses the modules: ask the director whether a deployment may start, and when it may, record it
/// in the ledger. A refusal is recorded nowhere. Each upstream failure names the module that failed.
/// </summary>
public sealed class DeploymentGate(HttpClient director, HttpClient ledger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IResult> DeployAsync(string environment, DeploymentAsk ask, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ask.Module) || string.IsNullOrWhiteSpace(ask.Version))
            return Results.Problem("A deployment needs a module and a version.", statusCode: StatusCodes.Status400BadRequest);

        var query = ask.At is { } at ? "?at=" + Uri.EscapeDataString(at.ToString("O")) : "";
        HttpResponseMessage answer;
        try { answer = await director.GetAsync($"environments/{Uri.EscapeDataString(environment)}/deployment-decision{query}", cancellationToken); }
        catch (HttpRequestException e) { return Unreachable("director", director, e); }
        using (answer)
        {
            if (answer.StatusCode == HttpStatusCode.NotFound)
                return Results.Problem(await DetailAsync(answer, cancellationToken), statusCode: StatusCodes.Status404NotFound);
            if (!answer.IsSuccessStatusCode)
                return Results.Problem($"The director answered {(int)answer.StatusCode}: {await DetailAsync(answer, cancellationToken)}", statusCode: StatusCodes.Status502BadGateway);
            var decision = (await answer.Content.ReadFromJsonAsync<Decision>(Json, cancellationToken))!;
            if (!decision.Allowed)
                return Results.Json(new { decision }, statusCode: StatusCodes.Status409Conflict);

            HttpResponseMessage stored;
            try { stored = await ledger.PostAsJsonAsync("deployments", new { module = ask.Module, environment, version = ask.Version }, Json, cancellationToken); }
            catch (HttpRequestException e) { return Unreachable("ledger", ledger, e); }
            using (stored)
            {
                if (!stored.IsSuccessStatusCode)
                    return Results.Problem($"The ledger answered {(int)stored.StatusCode}: {await DetailAsync(stored, cancellationToken)}", statusCode: StatusCodes.Status502BadGateway);
                var record = (await stored.Content.ReadFromJsonAsync<Recorded>(Json, cancellationToken))!;
                return Results.Created($"{ledger.BaseAddress}deployments/{record.Sequence}", new { decision, record });
            }
        }
    }

    private static IResult Unreachable(string module, HttpClient client, HttpRequestException e) =>
        Results.Problem($"The {module} at {client.BaseAddress} cannot be reached: {e.Message}", statusCode: StatusCodes.Status502BadGateway);

    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try { return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? body; }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { return body; }
    }
}
