using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Parameters;

public class SecretMaskingTests
{
    private class WithSecret : Build
    {
        [Parameter, Secret] readonly string? Token;
        Target Leak => _ => _.Executes(() =>
        {
            Log.Information($"using token {Token}");
            ReportSummary("Token", Token!);
            throw new InvalidOperationException($"server rejected {Token}");
        });
    }

    [Test]
    public async Task A_secret_never_appears_in_log_lines_summary_or_errors()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<WithSecret>(root.Path, new Dictionary<string, string> { ["TOKEN"] = "s3cr3t-value-42" }, CancellationToken.None, "Leak");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Not.Contain("s3cr3t-value-42"));
        Assert.That(run.Output, Does.Contain("[Leak] using token ***").And.Contain("server rejected ***"));
    }

    [Test]
    public async Task A_secret_given_with_surrounding_white_space_is_masked_as_targets_see_it()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<WithSecret>(root.Path, new Dictionary<string, string> { ["TOKEN"] = " s3cr3t-value-42\n" }, CancellationToken.None, "Leak");
        Assert.That(run.Output, Does.Not.Contain("s3cr3t-value-42"));
        Assert.That(run.Output, Does.Contain("[Leak] using token ***"));
    }

    [Test]
    public async Task Help_shows_secrets_as_secret_without_their_value()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<WithSecret>(root.Path, "--help", "--token", "s3cr3t-value-42");
        Assert.That(run.Output, Does.Contain("[secret]").And.Not.Contain("s3cr3t-value-42"));
    }
}
