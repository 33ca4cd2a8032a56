using Release.Tooling.Processes;

namespace Release.Tooling.Tests.Processes;

public sealed class ProcessTreeKillTests
{
    private readonly ProcessRunner runner = new();

    // The shell prints the pid of a background grandchild and then waits on it, so killing only the shell
    // would leave the sleep running.
    private static ProcessSpec ParentWithChild(Action<string> onOutput) =>
        new("sh", ["-c", "sleep 300 & echo child=$!; wait"]) { OnOutput = onOutput };

    [Test]
    public async Task Timeout_kills_the_whole_process_tree_and_names_the_command()
    {
        var childPid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = ParentWithChild(line => ReportPid(line, childPid)) with { Timeout = TimeSpan.FromSeconds(2) };

        var failure = Assert.ThrowsAsync<ProcessTimeoutException>(() => runner.RunAsync(spec))!;

        Assert.That(failure, Is.InstanceOf<TimeoutException>());
        Assert.That(failure.Message, Does.Contain("sh -c 'sleep 300 & echo child=$!; wait'"));
        Assert.That(failure.LastLines, Has.Exactly(1).StartsWith("child="));
        await AssertProcessEndsAsync(await childPid.Task);
    }

    [Test]
    public async Task Cancellation_kills_the_whole_process_tree()
    {
        using var cancellation = new CancellationTokenSource();
        var childPid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = ParentWithChild(line =>
        {
            ReportPid(line, childPid);
            cancellation.Cancel();
        });

        var failure = Assert.CatchAsync<OperationCanceledException>(() => runner.RunAsync(spec, cancellation.Token))!;

        Assert.That(failure.Message, Does.Contain("sleep 300"));
        await AssertProcessEndsAsync(await childPid.Task);
    }

    [Test]
    public void An_already_cancelled_token_starts_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var marker = Path.Combine(Path.GetTempPath(), $"release-not-started-{Guid.NewGuid():N}");

        Assert.CatchAsync<OperationCanceledException>(
            () => runner.RunAsync(new ProcessSpec("touch", [marker]), cancellation.Token));
        Assert.That(File.Exists(marker), Is.False);
    }

    private static void ReportPid(string line, TaskCompletionSource<int> pid)
    {
        if (line.StartsWith("child=", StringComparison.Ordinal))
        {
            pid.TrySetResult(int.Parse(line["child=".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Polls /proc until the pid is gone or a zombie (killed, waiting to be reaped by an init that may not reap).
    /// SIGKILL delivery is asynchronous, so a short poll is needed; the bound only turns a hang into a failure.
    /// </summary>
    private static async Task AssertProcessEndsAsync(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Child process {pid} is still running after the runner stopped its parent.");
            }
            await Task.Delay(20);
        }
        Assert.That(IsRunning(pid), Is.False);
    }

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            // Format: "pid (comm) STATE ..."; comm may contain spaces, so read after the last ')'.
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }
}
