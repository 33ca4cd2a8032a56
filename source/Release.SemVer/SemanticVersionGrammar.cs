namespace Release.SemVer;

/// <summary>
/// The SemVer 2.0.0 grammar (items 2, 9 and 10 of the spec) with error messages that say which part is wrong and why.
/// </summary>
internal static class SemanticVersionGrammar
{
    public static SemanticVersion Parse(string text, string? source)
    {
        var where = source is null ? $"'{text}'" : $"'{text}' ({source})";
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException($"Version {where} is empty: expected MAJOR.MINOR.PATCH, e.g. 1.4.0.");
        if (text != text.Trim())
            throw new FormatException($"Version {where} has surrounding whitespace: remove it.");

        var body = text;
        if (body.StartsWith('v') || body.StartsWith('V'))
            throw new FormatException(
                $"Version {where} starts with '{body[0]}': a SemVer version has no prefix; use SemanticVersion.FromTag for git tags like v1.2.3.");

        string? build = null;
        var plus = body.IndexOf('+');
        if (plus >= 0)
        {
            build = body[(plus + 1)..];
            body = body[..plus];
            if (build.Length == 0)
                throw new FormatException($"Version {where} ends with '+' but has no build metadata: remove the '+' or add identifiers.");
        }

        string? pre = null;
        var dash = body.IndexOf('-');
        if (dash >= 0)
        {
            pre = body[(dash + 1)..];
            body = body[..dash];
            if (pre.Length == 0)
                throw new FormatException($"Version {where} has '-' but no pre-release identifiers: remove the '-' or add identifiers.");
        }

        var core = body.Split('.');
        if (core.Length != 3)
            throw new FormatException($"Version {where} must have exactly three numbers MAJOR.MINOR.PATCH, found {core.Length} part(s) in '{body}'.");
        var names = new[] { "MAJOR", "MINOR", "PATCH" };
        var numbers = new long[3];
        for (var i = 0; i < 3; i++)
            numbers[i] = ParseNumber(core[i], names[i], where);

        return new SemanticVersion(numbers[0], numbers[1], numbers[2],
            pre?.Split('.'), build?.Split('.'));
    }

    public static void ValidatePreReleaseIdentifier(string identifier, string version)
    {
        if (identifier.Length == 0)
            throw new FormatException($"Version '{version}' has an empty pre-release identifier (two dots or a trailing dot).");
        if (!identifier.All(IsIdentifierChar))
            throw new FormatException($"Version '{version}': pre-release identifier '{identifier}' may only contain [0-9A-Za-z-].");
        if (identifier.Length > 1 && identifier[0] == '0' && identifier.All(char.IsAsciiDigit))
            throw new FormatException($"Version '{version}': numeric pre-release identifier '{identifier}' must not have a leading zero (SemVer " +
                $"2.0.0 item 9); prefix it with a letter, e.g. 'g{identifier}'.");
    }

    public static void ValidateBuildIdentifier(string identifier, string version)
    {
        if (identifier.Length == 0)
            throw new FormatException($"Version '{version}' has an empty build metadata identifier (two dots or a trailing dot).");
        if (!identifier.All(IsIdentifierChar))
            throw new FormatException($"Version '{version}': build metadata identifier '{identifier}' may only contain [0-9A-Za-z-].");
    }

    public static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static long ParseNumber(string part, string name, string where)
    {
        if (part.Length == 0)
            throw new FormatException($"Version {where}: {name} is empty.");
        if (!part.All(char.IsAsciiDigit))
            throw new FormatException($"Version {where}: {name} '{part}' is not a non-negative integer.");
        if (part.Length > 1 && part[0] == '0')
            throw new FormatException($"Version {where}: {name} '{part}' must not have a leading zero (SemVer 2.0.0 item 2).");
        if (!long.TryParse(part, out var value))
            throw new FormatException($"Version {where}: {name} '{part}' is too large.");
        return value;
    }
}
