using Release.Helm.Yaml;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Tests.Charts;

/// <summary>Chart files quote by the same rule as the CI files (Release.Foundation's YamlScalars, tested there form by form).</summary>
public class YamlQuotingTests
{
    [TestCase("1:30")] [TestCase("0755")] [TestCase("yes")] [TestCase("off")] [TestCase("~")] [TestCase(".inf")] [TestCase("2026-12-06")]
    public void A_string_YAML_1_1_reads_as_another_type_is_quoted(string value) =>
        Assert.That(YamlText.Write(new YamlMappingNode { { "value", YamlText.String(value) } }), Is.EqualTo($"value: \"{value}\"\n"));

    [TestCase("1.2.3")] [TestCase("nginx")]
    public void A_plain_string_stays_plain(string value) =>
        Assert.That(YamlText.Write(new YamlMappingNode { { "value", YamlText.String(value) } }), Is.EqualTo($"value: {value}\n"));
}
