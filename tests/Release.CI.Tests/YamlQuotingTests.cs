using Release.CI.Yaml;

namespace Release.CI.Tests;

/// <summary>
/// The CI files quote by Release.Foundation's one rule (YamlScalars, tested there form by form); these hold the CI
/// writer to it for the YAML 1.1 forms GitLab's reader (Ruby Psych) takes for numbers, booleans, nulls and dates.
/// </summary>
public class YamlQuotingTests
{
    [TestCase("1:30")] [TestCase("0755")] [TestCase("yes")] [TestCase("off")] [TestCase("n")] [TestCase("~")]
    [TestCase(".inf")] [TestCase("1,000")] [TestCase("2026-12-06")] [TestCase("")]
    public void A_string_YAML_1_1_reads_as_another_type_is_quoted(string value) =>
        Assert.That(YamlText.Write([], new YMap().Add("value", value)), Does.EndWith($"value: \"{value}\"\n"));

    [TestCase("1.2.3")] [TestCase("main")] [TestCase("release/*")]
    public void A_plain_string_stays_plain(string value) =>
        Assert.That(YamlText.Write([], new YMap().Add("value", value)), Does.EndWith($"value: {value}\n"));
}
