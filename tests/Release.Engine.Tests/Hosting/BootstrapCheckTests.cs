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
    public void Without_the_handshake_the_build_goes_on()
    {
        Assert.That(BootstrapCheck.ScriptToRunAgain(_ => null, ScriptPid), Is.Null);
    }

    [Test]
    public void A_process_the_build_started_ignores_the_inherited_handshake()
    {
        // Descriptor 9999 is not open: had the check been read, it would count as a change.
        Assert.That(BootstrapCheck.ScriptToRunAgain(Variables("9999:1", "/repo/build.sh"), ScriptPid), Is.Null);
    }

    [Test]
    public void Nothing_changed_the_build_goes_on()
    {
        var descriptor = Pipe("");
        Assert.That(BootstrapCheck.ScriptToRunAgain(Variables($"{descriptor}:{ScriptPid}", "/repo/build.sh"), ScriptPid), Is.Null);
    }

    [Test]
    public void A_changed_source_names_the_script_to_run_again()
    {
        var descriptor = Pipe("/repo/source/Release.Stages/Scan/IScan.cs\n");
        Assert.That(BootstrapCheck.ScriptToRunAgain(Variables($"{descriptor}:{ScriptPid}", "/repo/build.sh"), ScriptPid), Is.EqualTo("/repo/build.sh"));
    }

    [Test]
    public void An_unreadable_verdict_counts_as_a_change()
    {
        Assert.That(BootstrapCheck.ScriptToRunAgain(Variables($"9999:{ScriptPid}", "/repo/build.sh"), ScriptPid), Is.EqualTo("/repo/build.sh"));
    }

    [Test]
    public async Task The_script_runs_again_with_the_same_arguments_told_so_and_the_build_ends_with_its_exit_code()
    {
        using var root = new TempRoot();
        var exitCode = await BootstrapCheck.RunAgainAsync(Script(root), ["Pipeline", "--plan", "--root", "/repo"]);
        Assert.That(exitCode, Is.EqualTo(7));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(root.Path, "ran")), Is.EqualTo("Pipeline\n--plan\n--root\n/repo\nrerun=1\n"));
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
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
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
