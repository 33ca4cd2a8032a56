using Release.Engine.Definition;
using Release.Engine.Tests.Support;

namespace Release.Engine.Tests.Planning;

/// <summary>
/// Requires, TryGetValue, Inherit and the default target name their member by the lambda's source text (the compiler's
/// CallerArgumentExpression), not by an expression tree: every form a build writes must give the member's name, and
/// anything else must say what to write instead.
/// </summary>
public class MemberNameTests
{
    [TestCase("() => ApiKey", "ApiKey")]
    [TestCase("x => x.Compile", "Compile")]
    [TestCase("() => ((IPush)this).Registry", "Registry")]
    [TestCase("() => this.Registry!", "Registry")]
    [TestCase("() =>\n            Settings.@Token", "Token")]
    public void The_member_is_the_last_name_the_lambda_selects(string text, string member) =>
        Assert.That(MemberNames.Of(text), Is.EqualTo(member));

    [TestCase("parameter")]
    [TestCase("() => Feed.StartsWith(\"https\")")]
    [TestCase("() => a + b")]
    [TestCase("() => ")]
    [TestCase(null)]
    public void Anything_but_a_member_lambda_is_a_definition_error_saying_what_to_write(string? text)
    {
        var error = Assert.Throws<BuildDefinitionException>(() => MemberNames.Of(text));
        Assert.That(error!.Message, Does.Contain("must select a member, like () => ApiKey"));
    }

    private interface IFeed : IBuild
    {
        [Parameter("Feed token")] string? Token => TryGetValue(() => ((IFeed)this).Token);
        Target Publish => _ => _.Requires(() => ((IFeed)this).Token).Executes(() => Log.Information("token given"));
    }

    private class Feeding : Build, IFeed;

    private class Indirect : Build
    {
        [Parameter] readonly string? Token;
        static readonly Func<string?> Selector = () => null;
        Target Publish => _ => _.Requires(Selector).Executes(() => { });
    }

    [Test]
    public async Task A_component_parameter_read_and_required_through_a_cast_is_found_by_its_name()
    {
        using var root = new TempRoot();
        var missing = await BuildRun.RunAsync<Feeding>(root.Path, "Publish");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Output, Does.Contain("Parameter 'Token' is required by target 'Publish'"));
        var given = await BuildRun.RunAsync<Feeding>(root.Path, "Publish", "--token", "t0ken-value");
        Assert.That(given.ExitCode, Is.EqualTo(0), given.Output);
        Assert.That(given.Output, Does.Contain("[Publish] token given"));
    }

    [Test]
    public async Task A_requirement_given_a_delegate_instead_of_a_lambda_exits_2_naming_the_fix()
    {
        using var root = new TempRoot();
        var run = await BuildRun.RunAsync<Indirect>(root.Path, "Publish");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("'Selector' must select a member, like () => ApiKey, written as a lambda in the call."));
        Assert.That(run.Output, Does.Not.Contain("Exception"));
    }
}
