using System.Net.Http.Headers;
using System.Text;

namespace Release.Oci.Auth;

/// <summary>
/// A parsed <c>WWW-Authenticate</c> challenge: the scheme (Basic or Bearer) and its parameters
/// (for Bearer: <c>realm</c>, <c>service</c>, <c>scope</c>).
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    /// <summary>The scopes asked for; the header may hold several separated by spaces.</summary>
    public IReadOnlyList<string> Scopes =>
        Parameters.TryGetValue("scope", out var scope)
            ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];

    /// <summary>The first Bearer or Basic challenge in the response headers, or null.</summary>
    public static AuthChallenge? From(HttpResponseHeaders headers)
    {
        var challenges = headers.WwwAuthenticate.Select(Parse).ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
    }

    /// <summary>Parses one header value; quoted values may contain commas.</summary>
    public static AuthChallenge Parse(AuthenticationHeaderValue value)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = value.Parameter ?? string.Empty;
        var index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && (text[index] == ',' || char.IsWhiteSpace(text[index])))
            {
                index++;
            }

            var equals = text.IndexOf('=', index);
            if (equals < 0)
            {
                break;
            }

            var name = text[index..equals].Trim();
            index = equals + 1;
            parameters[name] = ReadValue(text, ref index);
        }

        return new AuthChallenge(value.Scheme, parameters);
    }

    private static string ReadValue(string text, ref int index)
    {
        if (index < text.Length && text[index] == '"')
        {
            var builder = new StringBuilder();
            index++;
            while (index < text.Length && text[index] != '"')
            {
                if (text[index] == '\\' && index + 1 < text.Length)
                {
                    index++;
                }

                builder.Append(text[index++]);
            }

            index++;
            return builder.ToString();
        }

        var end = text.IndexOf(',', index);
        end = end < 0 ? text.Length : end;
        var token = text[index..end].Trim();
        index = end;
        return token;
    }
}
