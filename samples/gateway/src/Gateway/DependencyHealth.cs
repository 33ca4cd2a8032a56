namespace Gateway;

/// <summary>
/// The gateway is healthy only when the modules it calls are: its health asks each one's <c>/health</c>. So a gateway
/// started before the director or the ledger reports which one is missing, and a rollout that deploys it first fails
/// its health check instead of serving errors.
/// </summary>
public sealed class DependencyHealth(IReadOnlyDictionary<string, HttpClient> dependencies)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = dependencies.Select(async d => (Name: d.Key, Problem: await ProblemOfAsync(d.Value, cancellationToken))).ToList();
        var results = await Task.WhenAll(checks);
        var report = results.ToDictionary(r => r.Name, r => r.Problem ?? "healthy");
        var healthy = results.All(r => r.Problem is null);
        return Results.Json(new { status = healthy ? "healthy" : "unhealthy", dependencies = report },
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string?> ProblemOfAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await client.GetAsync("health", timeout.Token);
            return response.IsSuccessStatusCode ? null : $"{client.BaseAddress}health answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e) { return $"unreachable at {client.BaseAddress}: {e.Message}"; }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { return $"no answer from {client.BaseAddress} within {Timeout.TotalSeconds:0} s"; }
    }
}
