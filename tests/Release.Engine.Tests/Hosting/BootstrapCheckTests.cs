using System.IO.Pipes;
using Release.Engine.Hosting;
using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Hosting;

/// <summary>
/// build.sh starts the compiled build while its change check still runs, and hands the verdict over on a pipe: the
/// build goes on when nothing changed, and runs the script again (which compiles) when something did.
/// </summary>
public class BootstrapCheckTests
{
    private const int ScriptPid = 4242;

    [Test]
    public async Task Without_the_handshake_the_build_goes_on()
    {
        Assert.That(await BootstrapCheck.RunAgainIfChangedAsync([], _ => null, ScriptPid), Is.Null);
    }

    [Test]
    public async Task A_process_the_build_started_ignores_the_inherited_handshake()
    {
        using var root = new TempRoot();
        var script = Script(root);
        // Descriptor 9999 is not open: had the check been read, it would count as a change and run the script.
        var variables = Variables("9999:1", script);
        Assert.That(await BootstrapCheck.RunAgainIfChangedAsync([], variables, ScriptPid), Is.Null);
        Assert.That(File.Exists(Path.Combine(root.Path, "ran")), Is.False);
    }

    [Test]
    public async Task Nothing_changed_the_build_goes_on()
    {
        using var root = new TempRoot();
        var script = Script(root);
        var descriptor = Pipe("");
        Assert.That(await BootstrapCheck.RunAgainIfChangedAsync(["--help"], Variables($"{descriptor}:{ScriptPid}", script), ScriptPid), Is.Null);
        Assert.That(File.Exists(Path.Combine(root.Path, "ran")), Is.False);
    }

    [Test]
    public async Task A_changed_source_runs_the_script_again_with_the_same_arguments_and_ends_with_its_exit_code()
    {
        using var root = new TempRoot();
        var script = Script(root);
        var descriptor = Pipe("/repo/source/Release.Stages/Scan/IScan.cs\n");
        var exitCode = await BootstrapCheck.RunAgainIfChangedAsync(["Pipeline", "--plan", "--root", "/repo"], Variables($"{descriptor}:{ScriptPid}", script), ScriptPid);
        Assert.That(exitCode, Is.EqualTo(7));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(root.Path, "ran")), Is.EqualTo("Pipeline\n--plan\n--root\n/repo\nrerun=1\n"));
    }

    [Test]
    public async Task An_unreadable_verdict_counts_as_a_change()
    {
        using var root = new TempRoot();
        var script = Script(root);
        Assert.That(await BootstrapCheck.RunAgainIfChangedAsync([], Variables($"9999:{ScriptPid}", script), ScriptPid), Is.EqualTo(7));
    }

    private static Func<string, string?> Variables(string check, string script) => name => name switch
    {
        "RELEASE_BOOTSTRAP_CHECK" => check,
        "RELEASE_BOOTSTRAP" => script,
        _ => null,
    };

    /// <summary>A stand-in for build.sh: records its arguments and whether it was told it runs again, then exits 7.</summary>
    private static string Script(TempRoot root)
    {
        var path = root.Write("build.sh", $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{root.Path}/ran'\necho \"rerun=$RELEASE_BOOTSTRAP_RERUN\" >> '{root.Path}/ran'\nexit 7\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The read end of a pipe holding <paramref name="verdict"/>; the check takes it over and closes it.</summary>
    private static int Pipe(string verdict)
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var reader = writer.ClientSafePipeHandle;
        var descriptor = (int)reader.DangerousGetHandle();
        reader.SetHandleAsInvalid();
        writer.Write(System.Text.Encoding.UTF8.GetBytes(verdict));
        return descriptor;
    }
}
