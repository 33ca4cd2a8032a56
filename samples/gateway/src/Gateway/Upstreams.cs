namespace Gateway;

/// <summary>
/// The modules the gateway calls: the director (may a deployment start now?) and the ledger (record it). Their
/// addresses come from <c>DIRECTOR_URL</c> and <c>LEDGER_URL</c>; in a cluster, their services' addresses.
/// </summary>
public sealed record Upstreams(Uri Director, Uri Ledger)
{
    public const string DirectorVariable = "DIRECTOR_URL";
    public const string LedgerVariable = "LEDGER_URL";

    /// <summary>Reads both addresses; a missing or malformed one stops the start, naming the variable and an example.</summary>
    public static Upstreams FromEnvironment(Func<string, string?> variable) =>
        new(Read(variable, DirectorVariable), Read(variable, LedgerVariable));

    private static Uri Read(Func<string, string?> variable, string name) =>
        Uri.TryCreate(variable(name), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"{name} must be the absolute http(s) address of the module, e.g. {name}=http://127.0.0.1:8080; it is '{variable(name)}'.");
}
