using Release.Helm.Linting;

namespace Release.Helm.Tests.Linting;

public class TemplateDelimiterCheckerTests
{
    private static IReadOnlyList<LintFinding> Check(string text) => TemplateDelimiterChecker.Check(text, "templates/t.yaml");

    [Test]
    public void Balanced_template_with_trim_markers_comments_and_quoted_braces_is_clean()
    {
        const string text = """
            {{/* a comment with }} inside is still one comment */}}
            {{- define "x.name" -}}
            {{- if .Values.a }}
            a: {{ .Values.a | quote }}
            {{- else if .Values.b }}
            b: {{ printf "}}%s" .Values.b }}
            {{- else }}
            {{- range $k, $v := .Values.c }}
            {{ $k }}: {{ $v }}
            {{- end }}
            {{- end }}
            {{- end -}}
            {{- /* trimmed comment */ -}}
            """;
        Assert.That(Check(text), Is.Empty);
    }

    [Test]
    public void Unclosed_action_is_an_error_on_its_line()
    {
        var findings = Check("a: 1\nb: {{ .Values.b\nc: 3\n");
        Assert.That(findings.Single(), Is.EqualTo(new LintFinding(LintSeverity.Error, "templates/t.yaml", 2, "'{{' is never closed with '}}'; close the action on this line")));
    }

    [Test]
    public void Action_opened_inside_another_is_an_error()
    {
        var finding = Check("a: {{ .Values.a\nb: {{ .Values.b }}\n").Single();
        Assert.That((finding.Severity, finding.Line), Is.EqualTo((LintSeverity.Error, 1)));
        Assert.That(finding.Message, Does.Contain("line 2"));
    }

    [Test]
    public void Missing_end_names_the_opening_line()
    {
        var finding = Check("x: 1\n{{- with .Values.a }}\n{{- if .Values.b }}\ny\n{{- end }}\n").Single();
        Assert.That((finding.Severity, finding.Line), Is.EqualTo((LintSeverity.Error, 2)));
        Assert.That(finding.Message, Does.StartWith("'with' opened here is never closed"));
    }

    [Test]
    public void Extra_end_and_stray_else_are_errors()
    {
        var findings = Check("{{ end }}\n{{ else }}\n");
        Assert.That(findings.Select(f => (f.Severity, f.Line)), Is.EqualTo(new[] { (LintSeverity.Error, 1), (LintSeverity.Error, 2) }));
    }

    [Test]
    public void Stray_closing_braces_in_text_are_a_warning()
    {
        var finding = Check("a: b }}\n").Single();
        Assert.That((finding.Severity, finding.Line), Is.EqualTo((LintSeverity.Warning, 1)));
    }

    [Test]
    public void Unclosed_comment_is_an_error() =>
        Assert.That(Check("{{/* never closed\n").Single().Severity, Is.EqualTo(LintSeverity.Error));
}
