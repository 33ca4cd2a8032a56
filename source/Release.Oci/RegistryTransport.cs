using System.Net;
using System.Text.Json;
using Release.Oci.Auth;
using Release.Tooling.Http;

namespace Release.Oci;

/// <summary>
/// Sends requests to one registry: answers authentication challenges, retries connection failures, 429 and 5xx
/// through the shared <see cref="HttpRetryPolicy"/> (honouring Retry-After), and turns error answers into exceptions that name the registry and the
/// fix.
/// </summary>
internal sealed class RegistryTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly OciRegistryClientOptions _options;
    private readonly Action<string> _log;
    private readonly RegistryAuthenticator _authenticator;
    private readonly HttpRetryPolicy _retry;
    private readonly object _preparing = new();
    private Task? _prepared;

    public RegistryTransport(
        RegistryAddress address, RegistryCredentials? credentials, OciRegistryClientOptions options,
        Action<string> log, HttpClient? http)
    {
        Address = address;
        _options = options;
        _log = log;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
        {
            Timeout = options.RequestTimeout,
        };
        _authenticator = new RegistryAuthenticator(_http, address, credentials, log);
        _retry = new HttpRetryPolicy(options.Retry, message => log($"{address.Host}: request failed ({message})"));
    }

    public RegistryAddress Address { get; }

    /// <summary>
    /// Sends the request that <paramref name="build"/> creates (called again for every attempt, so bodies are
    /// fresh). Returns the response of the last attempt, successful or not; throws when the registry stays unreachable.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> build, string repository, CancellationToken cancellationToken)
    {
        if (_options.BeforeFirstRequest is { } prepare)
        {
            lock (_preparing)
            {
                // A failed or cancelled preparation is tried again by the next request rather than cached.
                if (_prepared is null || _prepared.IsFaulted || _prepared.IsCanceled)
                    _prepared = prepare(Address.Host, cancellationToken);
            }
            await _prepared.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await _retry.SendAsync(ct => SendAuthenticatedAsync(build, repository, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RegistryUnreachableException(Address.Host, Address.BaseUri, _retry.MaxAttempts, ex);
        }
    }

    /// <summary>Throws an exception describing an unsuccessful response; <paramref name="action"/> says what was tried.</summary>
    public async Task ThrowForAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        var (code, message) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var detail = code is null ? string.Empty : $" {code}: {message}";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthenticationException(Address.Host, _authenticator.UserName, response.StatusCode,
                $"while trying to {action}{detail}");
        }

        var hint = HttpRetryPolicy.IsTransient(response.StatusCode)
            ? $" after {_retry.MaxAttempts} attempt(s); check the registry's own log"
            : string.Empty;
        throw new OciRegistryException(
            $"registry {Address.Host} answered {(int)response.StatusCode} {response.StatusCode} when trying to {action}{detail}{hint}.",
            response.StatusCode, code);
    }

    /// <summary>Turns a Location header (absolute or relative) into an absolute URI on this registry.</summary>
    public Uri ResolveLocation(HttpResponseMessage response, string action)
    {
        var location = response.Headers.Location ?? throw new OciRegistryException(
            $"registry {Address.Host} answered {(int)response.StatusCode} without a Location header when trying to {action}.");
        return location.IsAbsoluteUri ? location : new Uri(Address.BaseUri, location);
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAuthenticatedAsync(
        Func<HttpRequestMessage> build, string repository, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(build, repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = AuthChallenge.From(response.Headers);
        if (challenge is null || !await _authenticator.AnswerAsync(challenge, repository, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        return await SendOnceAsync(build, repository, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        Func<HttpRequestMessage> build, string repository, CancellationToken cancellationToken)
    {
        using var request = build();
        _authenticator.Apply(request, repository);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0)
            {
                return (null, null);
            }

            using var json = JsonDocument.Parse(body);
            var first = json.RootElement.GetProperty("errors")[0];
            return (first.GetProperty("code").GetString(),
                first.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (null, null);
        }
    }
}
