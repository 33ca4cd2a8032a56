using System.Text.RegularExpressions;

namespace Release.Foundation.Yaml;

/// <summary>
/// Which strings must be quoted in YAML so every reader takes them back as strings. Both YAML 1.1 readers (GitLab's
/// Ruby Psych, Kubernetes' and Helm's go-yaml) and YAML 1.2 core-schema readers are covered, because the files this
/// project writes are read by both: a plain <c>1:30</c> is the number 5400 to YAML 1.1 (sexagesimal), <c>no</c> and
/// <c>off</c> are booleans, <c>0755</c> is octal, <c>~</c> is null, <c>.inf</c> is infinity, <c>1,000</c> is a
/// thousand to Psych and <c>2026-12-06</c> is a date. Matching ignores case: quoting <c>tRUE</c> as well costs nothing.
/// </summary>
public static partial class YamlScalars
{
    [GeneratedRegex("""
        ^(?:
          ~ | null | true | false | yes | no | on | off | y | n                # null and booleans (YAML 1.1 and 1.2)
        | [-+]? [0-9][0-9_,]* (?:\.[0-9_]*)? (?:e[-+]?[0-9]+)?                 # integers (incl. octal 0755, 1_000, 1,000), floats
        | [-+]? \.[0-9][0-9_]* (?:e[-+]?[0-9]+)?                               # floats without a leading digit (.5)
        | [-+]? 0x[0-9a-f_,]+ | [-+]? 0o[0-7_]+ | [-+]? 0b[01_,]+              # hexadecimal, octal (1.2), binary
        | [-+]? [0-9][0-9_]* (?::[0-5]?[0-9])+ (?:\.[0-9_]*)?                  # sexagesimal (1:30, 190:20:30.15)
        | [-+]? \.inf | \.nan                                                  # infinity, not-a-number
        | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
          (?: (?:t|[\ \t]+) [0-9]{1,2}:[0-9]{2}:[0-9]{2} (?:\.[0-9]*)?
              (?: [\ \t]* (?:z|[-+][0-9]{1,2}(?::[0-9]{2})?) )? )?             # dates and timestamps
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ReadsAsAnotherType();

    /// <summary>True when <paramref name="value"/>, written unquoted, would not read back as that string.</summary>
    public static bool NeedsQuotes(string value) => value.Length == 0 || ReadsAsAnotherType().IsMatch(value);
}
