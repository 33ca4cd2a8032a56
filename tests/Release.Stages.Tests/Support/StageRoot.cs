using Release.Testing;

namespace Release.Stages.Tests.Support;

/// <summary>Build roots for tests: empty ones, and ones holding the upstream artifacts of another run (as a CI job gets them).</summary>
public static class StageRoot
{
    /// <summary>A new build root (a folder with .nuke/).</summary>
    public static TempDirectory Create()
    {
        var root = new TempDirectory("release-stages-root");
        Directory.CreateDirectory(root.Combine(".nuke"));
        return root;
    }

    /// <summary>A new build root with copies of <paramref name="stages"/> (e.g. "clone", "build") from <paramref name="from"/>/artifacts/modules/director.</summary>
    public static TempDirectory WithArtifacts(string from, params string[] stages)
    {
        var root = Create();
        foreach (var stage in stages)
            TestFolders.CopyWithoutOutputs(Path.Combine(from, "artifacts", "modules", "director", stage), root.Combine("artifacts", "modules", "director", stage));
        return root;
    }
}
