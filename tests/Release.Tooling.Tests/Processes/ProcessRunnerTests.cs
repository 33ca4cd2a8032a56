using Release.Tooling.Processes;

namespace Release.Tooling.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner runner = new();

    private static ProcessSpec Shell(string script) => new("sh", ["-c", script]);

    [Test]
    public async Task Keeps_stdout_and_stderr_apart_and_streams_both_to_the_callback()
    {
        var streamed = new List<string>();
        var result = await runner.RunAsync(Shell("echo one; echo two >&2; echo three") with { OnOutput = streamed.Add });

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Is.EqualTo(new[] { "one", "three" }));
        Assert.That(result.Error, Is.EqualTo(new[] { "two" }));
        Assert.That(streamed, Is.EquivalentTo(new[] { "one", "two", "three" }));
    }

    [Test]
    public async Task Delivers_a_line_while_the_process_is_still_running()
    {
        // The process waits until cancelled; it can only end quickly if the first line reached us before exit.
        using var cancellation = new CancellationTokenSource();
        var spec = Shell("echo first; exec sleep 120") with
        {
            Timeout = TimeSpan.FromSeconds(60),
            OnOutput = line => { if (line == "first") { cancellation.Cancel(); } },
        };

        Assert.CatchAsync<OperationCanceledException>(() => runner.RunAsync(spec, cancellation.Token));
    }

    [Test]
    public void Non_zero_exit_throws_with_command_line_exit_code_and_last_twenty_lines()
    {
        var spec = Shell("for i in $(seq 1 30); do echo line$i; done; exit 3");

        var failure = Assert.ThrowsAsync<ProcessFailedException>(() => runner.RunAsync(spec))!;

        Assert.That(failure.ExitCode, Is.EqualTo(3));
        Assert.That(failure.CommandLine, Is.EqualTo("sh -c 'for i in $(seq 1 30); do echo line$i; done; exit 3'"));
        Assert.That(failure.LastLines, Is.EqualTo(Enumerable.Range(11, 20).Select(i => $"line{i}")));
        Assert.That(failure.Message, Does.Contain("exited with code 3"));
        Assert.That(failure.Message, Does.Contain(failure.CommandLine));
        Assert.That(failure.Message, Does.Contain("line30"));
        Assert.That(failure.Message, Does.Not.Contain("line10\n"));
    }

    [Test]
    public async Task Non_zero_exit_is_returned_when_allowed()
    {
        var result = await runner.RunAsync(Shell("echo out; exit 7") with { AllowNonZeroExit = true });

        Assert.That(result.ExitCode, Is.EqualTo(7));
        Assert.That(result.Output, Is.EqualTo(new[] { "out" }));
    }

    [Test]
    public async Task Sets_and_removes_environment_variables_and_uses_the_working_directory()
    {
        var directory = Path.GetTempPath().TrimEnd('/');
        var spec = Shell("echo \"$RELEASE_TEST_VALUE|${HOME-unset}|$(pwd)\"") with
        {
            Environment = new Dictionary<string, string?> { ["RELEASE_TEST_VALUE"] = "set", ["HOME"] = null },
            WorkingDirectory = directory,
        };

        var result = await runner.RunAsync(spec);

        Assert.That(result.OutputText, Is.EqualTo($"set|unset|{directory}"));
    }

    [Test]
    public async Task Writes_standard_input_then_closes_it()
    {
        var result = await runner.RunAsync(new ProcessSpec("cat", []) { StandardInput = "alpha\nbeta\n" });

        Assert.That(result.Output, Is.EqualTo(new[] { "alpha", "beta" }));
    }

    [Test]
    public async Task Closes_standard_input_when_none_is_given_so_readers_do_not_hang()
    {
        var result = await runner.RunAsync(new ProcessSpec("cat", []) { Timeout = TimeSpan.FromSeconds(60) });

        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void Missing_executable_throws_ToolNotFoundException_naming_it()
    {
        var failure = Assert.ThrowsAsync<ToolNotFoundException>(
            () => runner.RunAsync(new ProcessSpec("release-no-such-tool-4711", ["--version"])))!;

        Assert.That(failure.Tool, Is.EqualTo("release-no-such-tool-4711"));
        Assert.That(failure.Message, Does.Contain("release-no-such-tool-4711").And.Contain("PATH"));
    }

    [Test]
    public void Missing_known_tool_names_its_install_command()
    {
        var spec = new ProcessSpec("umoci", []) { Environment = new Dictionary<string, string?> { ["PATH"] = "/nonexistent" } };
        if (File.Exists("/usr/sbin/umoci") || File.Exists("/sbin/umoci"))
        {
            Assert.Fail("umoci is in an sbin folder the runner always searches; this test needs it absent from there.");
        }

        var failure = Assert.ThrowsAsync<ToolNotFoundException>(() => runner.RunAsync(spec))!;

        Assert.That(failure.InstallHint, Does.Contain("apt-get install -y --no-install-recommends umoci"));
    }

    [Test]
    public void Missing_working_directory_is_named_in_the_error()
    {
        var spec = Shell("true") with { WorkingDirectory = "/nonexistent/release-dir" };

        var failure = Assert.ThrowsAsync<DirectoryNotFoundException>(() => runner.RunAsync(spec))!;

        Assert.That(failure.Message, Does.Contain("/nonexistent/release-dir").And.Contain("WorkingDirectory"));
    }

    [Test]
    public void A_failing_output_callback_surfaces_after_the_process_ends()
    {
        var spec = Shell("seq 1 5000") with { OnOutput = _ => throw new FormatException("callback broke") };

        var failure = Assert.ThrowsAsync<FormatException>(() => runner.RunAsync(spec))!;

        Assert.That(failure.Message, Is.EqualTo("callback broke"));
    }
}
