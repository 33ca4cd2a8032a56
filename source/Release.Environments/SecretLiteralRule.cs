using System.Text.RegularExpressions;

namespace Release.Environments;

/// <summary>
/// Recognises a secret written as a plain value: a key named like a credential, or a value shaped like one (a PEM
/// private key, a JSON web token, an AWS access key, a GitHub token, a URL carrying a password). Pure: no I/O.
/// </summary>
internal static partial class SecretLiteralRule
{
    [GeneratedRegex("pass(word|wd)?$|secret|token|api[-_]?key|private[-_]?key|credential|connection[-_]?string", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    // A private key, a JWT, an AWS access key id, a GitHub token, a URL with a password.
    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----|^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.|^AKIA[0-9A-Z]{16}$|^gh[pousr]_[A-Za-z0-9]{20,}"
        + @"|^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex SecretValue();

    /// <summary>Why <paramref name="key"/> = <paramref name="value"/> reads as a secret, or null when it does not.</summary>
    public static string? Reason(string key, string value)
    {
        if (SecretValue().IsMatch(value)) return "its value looks like a credential";
        if (SecretKey().IsMatch(key)) return "its name says it is a secret";
        return null;
    }

    /// <summary>What a report may show of a value found somewhere: the value, or a placeholder when it reads as a secret.</summary>
    public static string Shown(string key, string value) => Reason(key, value) is null ? value : "(looks like a secret; not shown)";
}
