using Release.CI.Files;

namespace Release.CI.Tests;

/// <summary>The small parsers and the diff behind the error messages and CheckCI.</summary>
public class CronAndDiffTests
{
    [TestCase("0 2 * * *")]
    [TestCase("*/15 0-6 1,15 * 1-5")]
    [TestCase("0 0 31 12 0")]
    [TestCase("5-55/10 * * 1-12/3 6")]
    public void Valid_cron_expressions_pass(string cron) => Assert.That(CronExpression.Problem(cron), Is.Null);

    [TestCase("0 2 * * * *", "6 field(s)")]
    [TestCase("60 2 * * *", "minute field '60' is invalid: 60 is out of range")]
    [TestCase("0 2 0 * *", "day of month field '0' is invalid")]
    [TestCase("0 2 * * 7", "day of week (0 = Sunday) field '7' is invalid")]
    [TestCase("0 5-2 * * *", "range '5-2' runs backwards")]
    [TestCase("*/0 * * * *", "step '0' is not a whole number of at least 1")]
    [TestCase("0 2 * JAN *", "'JAN' is not a number")]
    public void Invalid_cron_expressions_say_which_field_and_why(string cron, string problem) =>
        Assert.That(CronExpression.Problem(cron), Does.Contain(problem));

    [Test]
    public void The_diff_shows_changed_lines_with_context_and_line_numbers()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var @new = old.Replace("line 10\n", "line ten\n").Replace("line 20\n", "line 20\nline 21\n");

        var diff = UnifiedDiff.Create(old, @new, "a.yml (committed)", "a.yml (generated)");

        Assert.That(diff, Does.StartWith("--- a.yml (committed)\n+++ a.yml (generated)\n@@ -7,7 +7,7 @@\n line 7\n"));
        Assert.That(diff, Does.Contain("-line 10\n+line ten\n"));
        Assert.That(diff, Does.Contain("@@ -18,3 +18,4 @@\n line 18\n line 19\n line 20\n+line 21\n"));
        Assert.That(UnifiedDiff.Create(old, old, "a", "b"), Is.Empty);
    }
}
