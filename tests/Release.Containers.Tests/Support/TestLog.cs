namespace Release.Containers.Tests.Support;

/// <summary>Log sink for the library under test: lines go to the NUnit progress stream so a failing run shows them.</summary>
internal static class TestLog
{
    public static void Write(string line) => TestContext.Progress.WriteLine(line);
}
