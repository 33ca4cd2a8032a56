using System.Globalization;
using System.Text;

namespace Release.Process.Approvals;

/// <summary>
/// How people named by text are compared (commit authors, the trigger, roster members): the way mail systems treat
/// an address, since git, CI and chat spell one person differently. Case, surrounding spaces and dots, a
/// <c>mailto:</c> prefix, invisible characters (zero-width spaces, joiners, byte-order marks, soft hyphens) and a
/// <c>+sub</c> address are ignored: <c>Mailto:Dana+rel@Example.com.</c> is <c>dana@example.com</c>. Once records are
/// signed, who acted is the key's owner on the roster, and these spellings no longer decide anything.
/// </summary>
public static class Identity
{
    /// <summary>Whether two texts name the same person (see the class remarks).</summary>
    public static bool Same(string? left, string? right) =>
        left is not null && right is not null && Canonical(left) is { Length: > 0 } canonical && canonical == Canonical(right);

    /// <summary>Whether <paramref name="who"/> is one of <paramref name="people"/>.</summary>
    public static bool IsIn(string who, IEnumerable<string> people) => people.Any(p => Same(p, who));

    /// <summary>The comparable form of a name or e-mail address.</summary>
    public static string Canonical(string text)
    {
        // Format characters (Cf: zero-width space/joiners, BOM, soft hyphen) and controls are invisible in a terminal.
        var visible = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control)) visible.Append(c);
        var value = visible.ToString().Trim().Trim('.', ' ', '<', '>').Trim().ToLowerInvariant();
        if (value.StartsWith("mailto:", StringComparison.Ordinal)) value = value["mailto:".Length..].Trim();
        var at = value.LastIndexOf('@');
        if (at <= 0) return value;
        var local = value[..at].Trim('.');
        var domain = value[(at + 1)..].Trim('.');
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0) local = local[..plus];
        return local + "@" + domain;
    }
}
