using Release.Engine;
using Release.Process.Approvals;

namespace Release.Releasing.Common;

/// <summary>
/// Reads a team's roster file (<see cref="RosterText"/>: <c>ROLE WHO PUBLIC-KEY</c> per line), kept in the
/// repository and changed through review like the build definition:
/// <c>GatePolicy.SeedDefault().WithRoster(RosterFile.Read(RootDirectory / "build" / "release-roster"))</c>.
/// </summary>
public static class RosterFile
{
    /// <summary>The roster in <paramref name="file"/>.</summary>
    /// <exception cref="BuildInputException">The file is missing or a line is malformed (exit 2, naming the file, the line and the fix).</exception>
    public static RoleRoster Read(AbsolutePath file)
    {
        if (!file.FileExists())
            throw new BuildInputException(
                $"The release roster {file} is missing. Create it with one line per key: 'ROLE WHO PUBLIC-KEY' (ROLE '-' for no role, 'job' for a " +
                    "CI job), " +
                "e.g. 'Sre sre@example.com ssh-ed25519 AAAA...' (the line of the person's .pub file).");
        try { return RosterText.Parse(File.ReadAllText(file), file.ToString()); }
        catch (FormatException e) { throw new BuildInputException(e.Message); }
    }
}
