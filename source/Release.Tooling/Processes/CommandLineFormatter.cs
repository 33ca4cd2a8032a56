using Release.Foundation.Secrets;
namespace Release.Tooling.Processes;

/// <summary>Renders a file name and argument list as one shell-style line, for messages and logs only.</summary>
public static class CommandLineFormatter
{
    /// <summary>
    /// Formats the command so it could be pasted into a POSIX shell: arguments with spaces or
    /// shell characters are single-quoted. The result is masked with <paramref name="masker"/>.
    /// </summary>
    public static string Format(string fileName, IEnumerable<string> arguments, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(masker);
        var parts = new[] { fileName }.Concat(arguments).Select(Quote);
        return masker.Mask(string.Join(' ', parts));
    }

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '+' or '@' or '%';
}
