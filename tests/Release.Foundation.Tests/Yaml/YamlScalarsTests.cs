using Release.Foundation.Yaml;

namespace Release.Foundation.Tests.Yaml;

public class YamlScalarsTests
{
    // Each of these reads back as something other than a string in YAML 1.1 (GitLab's Psych, go-yaml) or 1.2.
    [TestCase("")]
    [TestCase("1:30", Description = "sexagesimal: 90 in YAML 1.1")]
    [TestCase("190:20:30.15")]
    [TestCase("yes")] [TestCase("No")] [TestCase("ON")] [TestCase("off")] [TestCase("y")] [TestCase("N")]
    [TestCase("true")] [TestCase("False")]
    [TestCase("~")] [TestCase("null")] [TestCase("NULL")]
    [TestCase("0755", Description = "octal in YAML 1.1")]
    [TestCase("0o755")] [TestCase("0x1F")] [TestCase("0b1010")] [TestCase("-0x1f")]
    [TestCase("42")] [TestCase("-7")] [TestCase("+3")] [TestCase("1_000")] [TestCase("1,000", Description = "a thousand to Psych")]
    [TestCase("1.5")] [TestCase("1.")] [TestCase(".5")] [TestCase("1e3")] [TestCase("6.02E+23")] [TestCase("10.0")]
    [TestCase(".inf")] [TestCase("-.Inf")] [TestCase("+.INF")] [TestCase(".nan")] [TestCase(".NaN")]
    [TestCase("2026-12-06")] [TestCase("2026-12-06T09:30:00Z")] [TestCase("2001-12-14 21:59:43.10 -5")]
    public void Is_quoted_when_a_reader_would_take_it_for_another_type(string value) =>
        Assert.That(YamlScalars.NeedsQuotes(value), Is.True);

    [TestCase("1.2.3")] [TestCase("v1.30")] [TestCase("main")] [TestCase("release/*")] [TestCase("yes-please")]
    [TestCase("nope")] [TestCase("1:30pm")] [TestCase("1:60")] [TestCase("inf")] [TestCase("0x")] [TestCase("ab12")]
    [TestCase("./build.sh Test")] [TestCase("$CI_COMMIT_SHA")] [TestCase("sha256:abc")] [TestCase("2026-12")]
    public void Stays_plain_when_it_reads_back_as_the_same_string(string value) =>
        Assert.That(YamlScalars.NeedsQuotes(value), Is.False);
}
