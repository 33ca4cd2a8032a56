using Release.Helm.Charts;
using Release.Helm.Linting;
using Release.Helm.Tests.Support;

namespace Release.Helm.Tests.Linting;

public class ChartLinterTests
{
    private TemporaryDirectory _folder = null!;
    private string Chart => _folder.Combine("order-router");

    [SetUp]
    public async Task CreateChart()
    {
        _folder = new TemporaryDirectory();
        await new ChartGenerator().GenerateAsync(SampleCharts.OrderRouter(), Chart);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private Task Write(string path, string text) => File.WriteAllTextAsync(Path.Combine(Chart, path), text);

    private Task<IReadOnlyList<LintFinding>> Lint() => new ChartLinter().LintAsync(Chart);

    [Test]
    public async Task Generated_chart_has_no_findings() => Assert.That(await Lint(), Is.Empty);

    [Test]
    public async Task Invalid_version_is_an_error_naming_Chart_yaml_line_value_and_fix()
    {
        await Write("Chart.yaml", "apiVersion: v2\nname: order-router\nversion: director-1-2-3-abc1234\nappVersion: \"1\"\n");
        var finding = (await Lint()).Single();
        Assert.That(finding.ToString(), Does.StartWith("Chart.yaml:3: error: version 'director-1-2-3-abc1234' is not SemVer 2"));
        Assert.That(finding.Message, Does.Contain("'1.2.3-abc1234'"));
    }

    [Test]
    public async Task Missing_required_fields_and_bad_name_are_errors()
    {
        await Write("Chart.yaml", "name: Order_Router\nappVersion: \"1\"\n");
        var messages = (await Lint()).Select(f => f.ToString()).ToList();
        Assert.That(messages, Has.Some.StartsWith("Chart.yaml:0: error: required field 'apiVersion'"));
        Assert.That(messages, Has.Some.StartsWith("Chart.yaml:0: error: required field 'version'"));
        Assert.That(messages, Has.Some.StartsWith("Chart.yaml:1: error: name 'Order_Router' is not a valid chart name"));
    }

    [Test]
    public async Task Unquoted_numeric_app_version_is_an_error_with_the_quoted_fix()
    {
        await Write("Chart.yaml", "apiVersion: v2\nname: order-router\nversion: 1.0.0\nappVersion: 1.10\n");
        var finding = (await Lint()).Single();
        Assert.That((finding.Severity, finding.Line), Is.EqualTo((LintSeverity.Error, 4)));
        Assert.That(finding.Message, Does.Contain("appVersion: \"1.10\""));
    }

    [Test]
    public async Task Unparseable_values_yaml_is_an_error_with_its_line()
    {
        await Write("values.yaml", "a: 1\nb: [x\nc: 2\n");
        var finding = (await Lint()).First(f => f.File == "values.yaml");
        Assert.That(finding.Severity, Is.EqualTo(LintSeverity.Error));
        Assert.That(finding.Line, Is.GreaterThan(1));
    }

    [Test]
    public async Task Reference_to_an_undefined_value_is_a_warning_on_its_line()
    {
        await Write("templates/extra.yaml", "a: {{ .Values.image.tag }}\nb: {{ $.Values.service.port }}\nc: {{ .Values.nothing.here }}\n");
        var findings = await Lint();
        Assert.That(findings.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "templates/extra.yaml:1: warning: .Values.image.tag is not defined in values.yaml (no 'image.tag'); add it to values.yaml or fix the reference",
            "templates/extra.yaml:3: warning: .Values.nothing.here is not defined in values.yaml (no 'nothing'); add it to values.yaml or fix the reference",
        }));
    }

    [Test]
    public async Task Template_errors_are_reported_and_EnsureValid_throws()
    {
        await Write("templates/extra.yaml", "{{- if .Values.replicaCount }}\nx: 1\n");
        var error = Assert.ThrowsAsync<ChartLintException>(() => new ChartLinter().EnsureValidAsync(Chart))!;
        Assert.That(error.Message, Does.Contain("templates/extra.yaml:1: error: 'if' opened here is never closed"));
    }
}
