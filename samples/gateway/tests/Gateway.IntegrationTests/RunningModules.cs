namespace Gateway.IntegrationTests;

/// <summary>
/// Reaches the deployed application: the gateway at <c>GATEWAY_URL</c> and, to see what a request left behind, the
/// ledger at <c>LEDGER_URL</c>. The director is reached only through the gateway.
/// </summary>
internal static class RunningModules
{
    public const string GatewayVariable = "GATEWAY_URL";
    public const string LedgerVariable = "LEDGER_URL";

    /// <summary>A client for a running module; fails the test with the fix when its variable is missing.</summary>
    public static HttpClient CreateClient(string variable)
    {
        var url = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(url))
            Assert.Fail($"{variable} is not set. Deploy the application (director, ledger, gateway) and set {variable}=http://HOST:PORT " +
                        "before running its integration tests.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
            Assert.Fail($"{variable}='{url}' is not an absolute URL such as http://127.0.0.1:8080.");
        return new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
