using Release.Foundation.Secrets;
using Release.Tooling.Processes;

namespace Release.Tooling.Tests.Processes;

public sealed class ProcessRunnerSecretTests
{
    private const string Secret = "s3cr3t-T0ken";
    private readonly ProcessRunner runner = new();

    [Test]
    public async Task Masks_secrets_in_streamed_lines_and_in_the_result()
    {
        var streamed = new List<string>();
        var spec = new ProcessSpec("sh", ["-c", "echo \"token=$1\"; echo \"err $1\" >&2", "sh", Secret])
        {
            Secrets = [Secret],
            OnOutput = streamed.Add,
        };

        var result = await runner.RunAsync(spec);

        Assert.That(result.Output, Is.EqualTo(new[] { "token=***" }));
        Assert.That(result.Error, Is.EqualTo(new[] { "err ***" }));
        Assert.That(streamed, Is.EquivalentTo(new[] { "token=***", "err ***" }));
    }

    [Test]
    public void Masks_secrets_in_the_command_line_and_output_of_a_failure()
    {
        var spec = new ProcessSpec("sh", ["-c", "echo \"using $1\"; exit 2", "sh", Secret]) { Secrets = [Secret] };

        var failure = Assert.ThrowsAsync<ProcessFailedException>(() => runner.RunAsync(spec))!;

        Assert.That(failure.CommandLine, Does.EndWith("sh ***"));
        Assert.That(failure.LastLines, Is.EqualTo(new[] { "using ***" }));
        Assert.That(failure.Message, Does.Not.Contain(Secret));
        Assert.That(failure.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public void Masks_secrets_in_the_command_line_of_a_timeout()
    {
        var spec = new ProcessSpec("sh", ["-c", "exec sleep 120", "sh", Secret])
        {
            Secrets = [Secret],
            Timeout = TimeSpan.FromMilliseconds(300),
        };

        var failure = Assert.ThrowsAsync<ProcessTimeoutException>(() => runner.RunAsync(spec))!;

        Assert.That(failure.Message, Does.Not.Contain(Secret));
        Assert.That(failure.CommandLine, Does.Contain("***"));
    }

    [Test]
    public void Formats_command_lines_with_shell_quoting()
    {
        var line = CommandLineFormatter.Format("git", ["commit", "-m", "it's done", "", "--author=A <a@b.c>"], new SecretMasker([]));

        Assert.That(line, Is.EqualTo("git commit -m 'it'\\''s done' '' '--author=A <a@b.c>'"));
    }
}
