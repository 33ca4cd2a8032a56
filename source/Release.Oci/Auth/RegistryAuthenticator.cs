using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Release.Oci.Auth;

/// <summary>
/// Answers a registry's authentication challenges: Basic with the configured credentials, or the Bearer token
/// flow (fetch a token from the challenge's realm, using the credentials if any). Tokens are cached per scope and
/// remembered per repository, so later requests carry a token without first collecting a 401.
/// </summary>
internal sealed class RegistryAuthenticator(
    HttpClient http, RegistryAddress registry, RegistryCredentials? credentials, Action<string> log)
{
    private readonly ConcurrentDictionary<string, CachedToken> _tokensByScope = new();
    private readonly ConcurrentDictionary<string, string> _scopeByRepository = new();
    private volatile bool _registryWantsBasic;

    public string? UserName => credentials?.UserName;

    /// <summary>Adds the best known Authorization header for a request about <paramref name="repository"/>.</summary>
    public void Apply(HttpRequestMessage request, string repository)
    {
        if (_scopeByRepository.TryGetValue(repository, out var scopeKey)
            && _tokensByScope.TryGetValue(scopeKey, out var token) && token.IsFresh)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }
        else if (_registryWantsBasic && credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
        }
    }

    /// <summary>
    /// Prepares credentials for the challenge. Returns false when there is nothing new to try
    /// (e.g. Basic asked but no credentials configured).
    /// </summary>
    public async Task<bool> AnswerAsync(AuthChallenge challenge, string repository, CancellationToken cancellationToken)
    {
        if (challenge.IsBasic)
        {
            if (credentials is null || _registryWantsBasic)
            {
                return false;
            }

            _registryWantsBasic = true;
            return true;
        }

        if (!challenge.IsBearer || challenge.Realm is null)
        {
            return false;
        }

        var scopeKey = $"{challenge.Realm}|{challenge.Service}|{string.Join(' ', challenge.Scopes)}";
        var token = await FetchTokenAsync(challenge, cancellationToken).ConfigureAwait(false);
        _tokensByScope[scopeKey] = token;
        _scopeByRepository[repository] = scopeKey;
        return true;
    }

    private async Task<CachedToken> FetchTokenAsync(AuthChallenge challenge, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (challenge.Service is not null)
        {
            query.Add("service=" + Uri.EscapeDataString(challenge.Service));
        }

        query.AddRange(challenge.Scopes.Select(scope => "scope=" + Uri.EscapeDataString(scope)));
        var separator = challenge.Realm!.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var uri = new Uri(challenge.Realm + (query.Count == 0 ? string.Empty : separator + string.Join('&', query)));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
        }

        log($"fetching a token for {registry.Host} from {uri.GetLeftPart(UriPartial.Path)} (scope {string.Join(' ', challenge.Scopes)})");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthenticationException(registry.Host, UserName, response.StatusCode,
                $"from the token service {uri.GetLeftPart(UriPartial.Path)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new OciRegistryException(
                $"token service {uri.GetLeftPart(UriPartial.Path)} of registry {registry.Host} answered " +
                $"{(int)response.StatusCode} {response.StatusCode}; check that the service is up.", response.StatusCode);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ParseToken(body, uri);
    }

    private CachedToken ParseToken(byte[] body, Uri uri)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var value = root.TryGetProperty("token", out var t) ? t.GetString()
                : root.TryGetProperty("access_token", out var a) ? a.GetString() : null;
            var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 60;
            if (string.IsNullOrEmpty(value))
            {
                throw new OciRegistryException(
                    $"token service {uri.GetLeftPart(UriPartial.Path)} of {registry.Host} answered without 'token' or 'access_token'.");
            }

            // Renew a little early so a token does not expire between the check and the request.
            return new CachedToken(value, DateTimeOffset.UtcNow.AddSeconds(Math.Max(lifetime - 10, 5)));
        }
        catch (JsonException ex)
        {
            throw new OciRegistryException(
                $"token service {uri.GetLeftPart(UriPartial.Path)} of {registry.Host} answered with invalid JSON.", null, null, ex);
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt)
    {
        public bool IsFresh => DateTimeOffset.UtcNow < ExpiresAt;
    }
}
