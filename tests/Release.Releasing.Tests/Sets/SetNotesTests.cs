namespace Release.Releasing.Tests.Sets;

/// <summary>
/// The release notes of an application release (issue 14): each module's line since the previous set, the changed
/// module's own commits since that set (read from the modules' real git repository), the carried module shown as
/// unchanged.
/// </summary>
[NonParallelizable]
public class SetNotesTests
{
    [Test]
    public async Task The_second_sets_notes_name_the_changed_modules_commits_since_the_first_set_and_show_the_other_as_carried()
    {
        using var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();

        // A change to web that no pipeline built (web is carried), then api's change.
        world.Source.WriteFile("modules/web/page.txt", "draft\n");
        await world.Source.CommitAsync("fix(web): typo on the page #3", SetWorld.Alice);
        world.Source.WriteFile("modules/api/app.txt", "v2\n");
        await world.Source.CommitAsync("feat(api): answers faster #2", SetWorld.Alice);
        var apiCommit = (await world.Source.HeadAsync())[..7];
        world.NotBuilt("web");
        await world.PushedAsync("api", "1.1.0", "api two");
        (await world.RunAsync("OpenSet", "--set", "1.1.0")).Succeeded();

        var run = (await world.RunAsync("ReleaseNotesSet", "--set", "1.1.0")).Succeeded();
        var notes = await File.ReadAllTextAsync(Path.Combine(world.Root, "artifacts", "application", "sets", "1.1.0.RELEASE_NOTES.md"));
        Assert.That(notes, Does.StartWith("# shop 1.1.0\n"));
        Assert.That(notes, Does.Contain("- api 1.0.0 -> 1.1.0\n").And.Contain("- web 2.0.0 (unchanged)\n"));
        Assert.That(notes, Does.Contain("## api 1.0.0 -> 1.1.0").And.Contain("answers faster").And.Contain(apiCommit).And.Contain("#2"));
        Assert.That(notes, Does.Not.Contain("## web"), "a carried module has no section of changes");
        Assert.That(notes, Does.Not.Contain("typo on the page"), "web's change was not built: it is not in api's notes nor released");
        Assert.That(notes, Does.Not.Contain("first version"), "the first set's commits are not changes since it");
        Assert.That(notes, Does.Contain("## Rollback").And.Contain("No earlier blessed set"));
        Assert.That(run.Output, Does.Contain("Release notes of application release shop 1.1.0").And.Contain("web 2.0.0 (unchanged)"));
    }

    [Test]
    public async Task The_first_sets_notes_list_every_module_as_new_with_its_commits()
    {
        using var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();

        (await world.RunAsync("ReleaseNotesSet", "--set", "1.0.0")).Succeeded();
        var notes = await File.ReadAllTextAsync(Path.Combine(world.Root, "artifacts", "application", "sets", "1.0.0.RELEASE_NOTES.md"));
        Assert.That(notes, Does.Contain("- api 1.0.0 (new)\n").And.Contain("- web 2.0.0 (new)\n"));
        Assert.That(notes, Does.Contain("## api 1.0.0 (new)").And.Contain("first version"));
    }

    [Test]
    public async Task Notes_of_a_set_whose_changed_module_was_not_built_here_are_refused_with_exit_2_naming_the_module()
    {
        using var world = await SetWorld.CreateAsync();
        await world.BothModulesPushedAsync();
        (await world.RunAsync("OpenSet", "--set", "1.0.0")).Succeeded();
        world.NotBuilt("api");

        var run = (await world.RunAsync("ReleaseNotesSet", "--set", "1.0.0"))
            .Refused("module 'api' 1.0.0 changed in shop 1.0.0", "write the set's notes in the pipeline that built it");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
    }
}
