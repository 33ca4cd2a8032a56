using System.Runtime.CompilerServices;
using Release.CI.Files;

namespace Release.CI.Tests.Support;

/// <summary>
/// Approved-snapshot checks: compares text with <c>Approved/NAME.approved.yml</c> in the test project's source folder.
/// A difference fails with a unified diff and writes <c>NAME.received.yml</c> next to it (git-ignored); to approve,
/// review the received file and rename it over the approved one.
/// </summary>
public static class Approvals
{
    public static void Verify(string received, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(FindProjectFolder(callerFile), "Approved");
        var approvedPath = Path.Combine(folder, name + ".approved.yml");
        var receivedPath = Path.Combine(folder, name + ".received.yml");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : null;
        if (approved == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}. Review {receivedPath} and rename it to approve it."
            : $"{name} differs from its approved snapshot; received output written to {receivedPath}.\n" +
              UnifiedDiff.Create(approved, received, name + ".approved.yml", name + ".received.yml"));
    }

    private static string FindProjectFolder(string callerFile)
    {
        for (var directory = Path.GetDirectoryName(callerFile); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "Release.CI.Tests.csproj"))) return directory;
        throw new InvalidOperationException($"No Release.CI.Tests.csproj above {callerFile}.");
    }
}
