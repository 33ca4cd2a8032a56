using Release.Foundation.IO;
using Release.Testing;

namespace Release.Foundation.Tests.IO;

public class StagedDirectoryTests
{
    [Test]
    public async Task Two_concurrent_stagings_of_one_folder_write_apart_and_the_last_commit_wins_whole()
    {
        using var folder = new TempDirectory("staged-directory");
        var destination = folder.Combine("artifacts", "build");
        using var first = StagedDirectory.Begin(destination);
        using var second = StagedDirectory.Begin(destination);
        Assert.That(first.StagingPath, Is.Not.EqualTo(second.StagingPath));

        // Both runs write the same file names at once; neither may see or remove the other's files.
        await Task.WhenAll(
            Task.Run(() => WriteFiles(first.StagingPath, "first")),
            Task.Run(() => WriteFiles(second.StagingPath, "second")));
        Assert.That(Directory.GetFiles(first.StagingPath).Select(File.ReadAllText), Is.All.EqualTo("first"));
        Assert.That(Directory.GetFiles(second.StagingPath).Select(File.ReadAllText), Is.All.EqualTo("second"));

        first.Commit();
        Assert.That(Directory.Exists(second.StagingPath), Is.True, "committing one staging removed the other");
        second.Commit();

        Assert.That(Directory.GetFiles(destination).Select(File.ReadAllText), Is.All.EqualTo("second"));
        Assert.That(Directory.GetFiles(destination), Has.Length.EqualTo(20));
        Assert.That(Directory.GetDirectories(Path.GetDirectoryName(destination)!).Select(Path.GetFileName), Is.EqualTo(new[] { "build" }));
    }

    [Test]
    public void An_uncommitted_staging_is_removed_and_leaves_the_destination_and_other_stagings_alone()
    {
        using var folder = new TempDirectory("staged-directory");
        var destination = folder.Combine("evidence");
        Directory.CreateDirectory(destination);
        File.WriteAllText(Path.Combine(destination, "old.txt"), "old");
        using var other = StagedDirectory.Begin(destination);
        File.WriteAllText(Path.Combine(other.StagingPath, "a.txt"), "other");

        string failed;
        using (var staged = StagedDirectory.Begin(destination))
        {
            failed = staged.StagingPath;
            File.WriteAllText(Path.Combine(staged.StagingPath, "a.txt"), "half");
        }

        Assert.That(Directory.Exists(failed), Is.False);
        Assert.That(StagedDirectory.IsStaging(failed), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(destination, "old.txt")), Is.EqualTo("old"));
        Assert.That(File.ReadAllText(Path.Combine(other.StagingPath, "a.txt")), Is.EqualTo("other"));
    }

    [Test]
    public void A_root_has_no_folder_beside_it_and_is_refused_with_the_path()
    {
        var root = Path.GetPathRoot(Path.GetTempPath())!;
        Assert.That(() => StagedDirectory.Begin(root), Throws.ArgumentException.With.Message.Contains("has no parent folder"));
    }

    private static void WriteFiles(string folder, string content)
    {
        for (var i = 0; i < 20; i++)
            File.WriteAllText(Path.Combine(folder, $"file-{i}.txt"), content);
    }
}
