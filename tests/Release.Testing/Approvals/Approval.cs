using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace Release.Testing.Approvals;

/// <summary>
/// Approved-snapshot assertions: compares text with <c>NAME.approved.EXT</c> beside the calling test file. A difference
/// fails with a readable line diff and writes <c>NAME.received.EXT</c> next to it; approving is renaming that file.
/// With <c>RELEASE_APPROVE=1</c> in the environment a difference rewrites the approved file instead of failing, so
/// regenerating every snapshot after an intended change (or a merge) is one test run; the git diff is the review.
/// </summary>
public static class Approval
{
    /// <summary>The environment variable that turns differences into rewritten approved files.</summary>
    public const string ApproveVariable = "RELEASE_APPROVE";

    /// <summary>Asserts that <paramref name="actual"/> equals the approved snapshot called <paramref name="name"/>.</summary>
    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var approved = Path.Combine(directory, $"{name}.approved.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        var normalized = actual.Replace("\r\n", "\n");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(approved, normalized);
            if (File.Exists(received)) File.Delete(received);
            TestContext.Out.WriteLine($"{ApproveVariable}=1: rewrote {approved}");
            return;
        }
        File.WriteAllText(received, normalized);
        var message = expected is null
            ? $"No approved snapshot {approved}. Review {received} and rename it to approve it (or rerun with {ApproveVariable}=1)."
            : $"{name} differs from the approved snapshot; review {received} and rename it to approve it (or rerun with {ApproveVariable}=1).\n{LineDiff.Render(expected, normalized)}";
        Assert.Fail(message);
    }
}
