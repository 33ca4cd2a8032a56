using Release.Engine;
using Release.Pipeline.Records;
using Release.Testing;

namespace Release.Pipeline.Tests.Records;

/// <summary>Stage outputs are staged in folders of their own, so two runs of one stage never write into each other's.</summary>
public class StageOutputTests
{
    [Test]
    public void Two_runs_of_one_stage_stage_apart_and_the_previous_output_is_carried_over()
    {
        using var folder = new TempDirectory("stage-output");
        var final = new AbsolutePath(folder.Combine("artifacts", "chart"));
        final.CreateDirectory();
        File.WriteAllText(final / "index.yaml", "previous");
        File.WriteAllText(final / "stale.txt", "stale");

        using var first = StageOutput.BeginFromPrevious(final, relative => relative == "index.yaml");
        using var second = StageOutput.BeginFromPrevious(final, relative => relative == "index.yaml");
        Assert.That(first.Staging, Is.Not.EqualTo(second.Staging));
        Assert.That(Directory.GetFiles(first.Staging).Select(Path.GetFileName), Is.EqualTo(new[] { "index.yaml" }));

        File.WriteAllText(first.Staging / "index.yaml", "first");
        File.WriteAllText(second.Staging / "index.yaml", "second");
        first.Commit();
        Assert.That(File.ReadAllText(second.Staging / "index.yaml"), Is.EqualTo("second"));
        second.Commit();

        Assert.That(File.ReadAllText(final / "index.yaml"), Is.EqualTo("second"));
        Assert.That(Directory.GetFileSystemEntries(final.Parent).Select(Path.GetFileName), Is.EqualTo(new[] { "chart" }));
    }

    [Test]
    public void A_failed_run_removes_its_staging_and_leaves_no_stale_output()
    {
        using var folder = new TempDirectory("stage-output");
        var final = new AbsolutePath(folder.Combine("artifacts", "build"));
        final.CreateDirectory();
        File.WriteAllText(final / "image.json", "of another commit");

        AbsolutePath staging;
        using (var output = StageOutput.Begin(final))
        {
            staging = output.Staging;
            File.WriteAllText(output.Staging / "image.json", "half");
        }

        Assert.That(staging.DirectoryExists(), Is.False);
        Assert.That(final.DirectoryExists(), Is.False, "the earlier run's outputs must not look like this run's");
    }
}
